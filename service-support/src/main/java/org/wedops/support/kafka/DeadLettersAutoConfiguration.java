package org.wedops.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Every listener's error path ({@link DeadLetterErrorHandlerFactory}): poison records to {@code <topic>.dlt}, outages
 * retried. Boot's listener container factory picks the handler up; it runs before Boot's Kafka configuration so that
 * a service's own {@link CommonErrorHandler} can still replace it.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(WedopsKafkaProperties.class)
public class DeadLettersAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaProperties kafka, WedopsKafkaProperties properties) {
        return DeadLetterErrorHandlerFactory.create(kafka.buildProducerProperties(), properties);
    }
}
