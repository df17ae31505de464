package org.wedops.testsupport;

/** The test JVM's one broker, started by spring-kafka-test's global listener (see junit-platform.properties). */
public final class SharedKafka {

    private SharedKafka() {
    }

    public static String brokers() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalStateException("No embedded broker: test-support's junit-platform.properties must be on the "
                    + "test class path (spring.kafka.global.embedded.enabled=true)");
        }
        return brokers;
    }
}
