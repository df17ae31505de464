package org.wedops.apm;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.wedops.testsupport.MutableClock;

/**
 * apm-ingest's integration tests read time from a {@link MutableClock} (the service's {@code Clock} bean), so that
 * windows close, samples turn late and batch ids expire when a test moves the clock, not when a loaded machine gets round
 * to it. Tests autowire it and take "now" from it, never from the wall clock.
 * <p>
 * It starts {@link #BEHIND} the wall clock and only moves forward: a sample stamped by it stays behind its record's
 * Kafka timestamp, which the windows clamp future samples to, and behind every other test's samples, which set stream
 * time. Registered for every Spring test context of the module (META-INF/spring.factories) rather than imported by
 * each test class, so every test class, the model tests included, shares the one context and its one windows pipeline:
 * a second context would join the same Streams application with a clock of its own.
 */
public class ApmTestClock implements ContextCustomizerFactory {

    /** How far behind the wall clock the test clock starts; more than every test together moves it forward. */
    public static final Duration BEHIND = Duration.ofHours(1);

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Registration();
    }

    /** Registers the clock before the context refreshes, so the service's own {@code Clock} bean backs off. */
    private static final class Registration implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            RootBeanDefinition clock = new RootBeanDefinition(MutableClock.class,
                    () -> new MutableClock(Instant.now().minus(BEHIND).truncatedTo(ChronoUnit.SECONDS)));
            clock.setPrimary(true);
            ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("apmTestClock", clock);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Registration;
        }

        @Override
        public int hashCode() {
            return Registration.class.hashCode();
        }
    }
}
