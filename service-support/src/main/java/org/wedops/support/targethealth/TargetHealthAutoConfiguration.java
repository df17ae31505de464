package org.wedops.support.targethealth;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.wedops.support.database.SharedSchema;
import org.wedops.support.kafka.WedopsKafkaProperties;

/** The latest check per target ({@link LatestTargetHealth}) and its table, in services that turn it on. */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
@ConditionalOnClass(DatabaseClient.class)
@ConditionalOnTargetHealth
@ConditionalOnBean(DatabaseClient.class)
@EnableConfigurationProperties({TargetHealthProperties.class, WedopsKafkaProperties.class})
public class TargetHealthAutoConfiguration {

    @Bean
    SharedSchema targetHealthSchema() {
        return SharedSchema.of("target-health", LatestTargetHealth.class);
    }

    @Bean
    LatestTargetHealth latestTargetHealth(DatabaseClient db, WedopsKafkaProperties kafka) {
        return new LatestTargetHealth(db, kafka.listenerCallTimeout());
    }
}
