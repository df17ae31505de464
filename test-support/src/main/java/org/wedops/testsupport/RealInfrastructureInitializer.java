package org.wedops.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Points a service under test at the shared broker and at its own database in the shared PostgreSQL. The
 * database is named after {@code spring.application.name}.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final List<String> TEST_SOURCES = List.of("Inlined Test Properties", "Dynamic Test Properties");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String application = context.getEnvironment().getProperty("spring.application.name", "wedops");
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource infrastructure = new MapPropertySource("wedops-test-infrastructure", properties(application));
        // a test's own properties (inlined or @DynamicPropertySource) still win over these defaults
        String lastTestSource = null;
        for (String name : TEST_SOURCES) {
            if (sources.contains(name)) {
                lastTestSource = lastTestSource == null || sources.precedenceOf(sources.get(name)) > sources.precedenceOf(sources.get(lastTestSource))
                        ? name : lastTestSource;
            }
        }
        if (lastTestSource == null) {
            sources.addFirst(infrastructure);
        } else {
            sources.addAfter(lastTestSource, infrastructure);
        }
    }

    public static Map<String, Object> properties(String application) {
        String database = SharedPostgres.database(application);
        String brokers = SharedKafka.brokers();
        return Map.ofEntries(
                Map.entry("wedops.security.mode", "local"),
                Map.entry("wedops.security.scrape-token", TestTokens.SCRAPE_TOKEN),
                Map.entry("spring.r2dbc.url", SharedPostgres.r2dbcUrl(database)),
                Map.entry("spring.r2dbc.username", "postgres"),
                Map.entry("spring.r2dbc.password", "postgres"),
                Map.entry("spring.flyway.url", SharedPostgres.jdbcUrl(database)),
                Map.entry("spring.flyway.user", "postgres"),
                Map.entry("spring.flyway.password", "postgres"),
                Map.entry("wedops.kafka.bootstrap-servers", brokers),
                Map.entry("spring.kafka.bootstrap-servers", brokers),
                Map.entry("wedops.security.jwt-secret", TestTokens.SECRET),
                // the JVM's broker stops when the test plan finishes, before the cached contexts close at exit: a
                // listener container then waits the whole phase for a broker that is gone (surefire killed the
                // health-collector fork 30 s after its tests had passed)
                Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "5s"));
    }
}
