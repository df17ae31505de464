package org.wedops.support.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.wedops.support.protection.ProtectionStates;
import org.wedops.support.protection.ProtectionViewProperties;
import org.wedops.support.web.ProblemDetailsAdvice;
import org.wedops.support.web.RequestIdWebFilter;

/** The clock every rule reads time from (tests replace it), problem+json errors, request ids and the protection view. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties(ProtectionViewProperties.class)
public class WedopsServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "wedops.target-health.enabled", havingValue = "true")
    org.wedops.support.targethealth.LatestTargetHealth latestTargetHealth(org.springframework.r2dbc.core.DatabaseClient db,
                                                                          org.wedops.support.kafka.WedopsKafkaProperties kafka) {
        return new org.wedops.support.targethealth.LatestTargetHealth(db, kafka.listenerCallTimeout());
    }

    @Bean
    ProtectionStates protectionStates(Clock clock, ProtectionViewProperties settings) {
        return new ProtectionStates(clock, settings);
    }

    @Bean(ProtectionStates.CONTAINER_POST_PROCESSOR)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> protectionViewContainerPostProcessor(
            ProtectionViewProperties settings) {
        return ProtectionStates.idleEvents(settings);
    }
}
