package org.wedops.support.protection;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.wedops.support.clock.ClockAutoConfiguration;

/** Every service's view of ops.protection.v1 ({@link ProtectionStates}), which every automatic action consults. */
@AutoConfiguration(after = ClockAutoConfiguration.class)
@ConditionalOnClass(KafkaListener.class)
@EnableConfigurationProperties(ProtectionViewProperties.class)
public class ProtectionViewAutoConfiguration {

    @Bean
    ProtectionStates protectionStates(Clock clock, ProtectionViewProperties settings) {
        return new ProtectionStates(clock, settings);
    }

    /** Named so that its health contributor is {@code protectionView}, as the readiness group lists it. */
    @Bean
    @ConditionalOnClass(HealthIndicator.class)
    ProtectionViewHealthIndicator protectionViewHealthIndicator(ProtectionStates view) {
        return new ProtectionViewHealthIndicator(view);
    }

    @Bean(ProtectionStates.CONTAINER_POST_PROCESSOR)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> protectionViewContainerPostProcessor(
            ProtectionViewProperties settings) {
        return ProtectionStates.idleEvents(settings);
    }
}
