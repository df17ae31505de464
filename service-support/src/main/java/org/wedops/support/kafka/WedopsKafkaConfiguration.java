package org.wedops.support.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/** Topics, the dead-letter error path, broker readiness and the event publisher, the same in every service. */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(WedopsKafkaProperties.class)
public class WedopsKafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics wedopsTopics(WedopsKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(TopicDeclarations.all(properties).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaProperties kafka, WedopsKafkaProperties properties) {
        return DeadLetterErrorHandlerFactory.create(kafka.buildProducerProperties(), properties);
    }

    @Bean
    KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaClusterHealthIndicator(kafka.buildAdminProperties());
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> template) {
        return new EventPublisher(template);
    }
}
