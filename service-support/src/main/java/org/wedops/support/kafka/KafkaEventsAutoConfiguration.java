package org.wedops.support.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The WedOps topics a service declares, the publisher its producers go through and the broker's place in readiness.
 * Producer and consumer settings themselves are Spring Boot's ({@code spring.kafka.*}, defaults in
 * {@code wedops-service-defaults.yml}).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(WedopsKafkaProperties.class)
public class KafkaEventsAutoConfiguration {

    @Bean
    ListenerCalls listenerCalls(WedopsKafkaProperties kafka) {
        return new ListenerCalls(kafka);
    }

    @Bean
    KafkaAdmin.NewTopics wedopsTopics(WedopsKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(TopicDeclarations.all(properties).toArray(NewTopic[]::new));
    }

    /** Named so that its health contributor is {@code kafka}, as the readiness group lists it. */
    @Bean
    KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaClusterHealthIndicator(kafka.buildAdminProperties());
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> template) {
        return new EventPublisher(template);
    }
}
