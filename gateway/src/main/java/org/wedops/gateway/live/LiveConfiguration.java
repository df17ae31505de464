package org.wedops.gateway.live;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    @Bean
    LiveHub liveHub(LiveProperties properties) {
        return new LiveHub(properties.maxClients(), properties.clientBuffer());
    }

    @Bean
    @ConditionalOnProperty(name = "wedops.gateway.live.enabled", havingValue = "true")
    LiveFeed liveFeed(KafkaProperties kafka, LiveHub hub) {
        return new LiveFeed(kafka.buildConsumerProperties(), hub, Clock.systemUTC());
    }
}
