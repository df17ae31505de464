package org.wedops.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the shared broker and at its own database in the shared PostgreSQL. The
 * database is named after {@code spring.application.name}.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "wedops");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("wedops-test-infrastructure",
                properties(application)));
    }

    public static Map<String, Object> properties(String application) {
        String database = SharedPostgres.database(application);
        String brokers = SharedKafka.brokers();
        return Map.of(
                "spring.r2dbc.url", SharedPostgres.r2dbcUrl(database),
                "spring.r2dbc.username", "postgres",
                "spring.r2dbc.password", "postgres",
                "spring.flyway.url", SharedPostgres.jdbcUrl(database),
                "spring.flyway.user", "postgres",
                "spring.flyway.password", "postgres",
                "wedops.kafka.bootstrap-servers", brokers,
                "spring.kafka.bootstrap-servers", brokers,
                "wedops.security.jwt-secret", TestTokens.SECRET);
    }
}
