package org.wedops.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.SpringProperties;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives a test context the {@link MutableClock} its class declares with {@link TestClock}, or the one its module
 * declares for every context in {@code spring.properties}; a context of neither keeps the service's own clock.
 * Registered for every module in test-support's {@code META-INF/spring.factories}.
 */
public class TestClockCustomizerFactory implements ContextCustomizerFactory {

    /** {@code true} in a module's {@code spring.properties}: every test context of the module reads a test clock. */
    public static final String EVERY_CONTEXT = "wedops.test-clock.every-context";

    private static final String PREFIX = "wedops.test-clock.";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        TestClock declared = TestContextAnnotationUtils.findMergedAnnotation(testClass, TestClock.class);
        if (declared != null) {
            return Registration.parse("@TestClock on " + testClass.getName(), declared.start(), declared.behindWallClock(),
                    declared.ticking(), declared.forwardOnly());
        }
        if (Boolean.parseBoolean(SpringProperties.getProperty(EVERY_CONTEXT))) {
            return Registration.parse("spring.properties", setting("start"), setting("behind-wall-clock"),
                    Boolean.parseBoolean(setting("ticking")), Boolean.parseBoolean(setting("forward-only")));
        }
        return null;
    }

    private static String setting(String name) {
        String value = SpringProperties.getProperty(PREFIX + name);
        return value == null ? "" : value;
    }

    /**
     * Registers the clock before the context refreshes. Equal settings make equal customizers, so they do not split
     * test classes into contexts of their own.
     */
    private record Registration(Instant start, Duration behindWallClock, boolean ticking, boolean forwardOnly) implements ContextCustomizer {

        static Registration parse(String source, String start, String behindWallClock, boolean ticking, boolean forwardOnly) {
            try {
                return new Registration(start.isBlank() ? null : Instant.parse(start),
                        behindWallClock.isBlank() ? Duration.ZERO : Duration.parse(behindWallClock), ticking, forwardOnly);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + ": the test clock's start must be an ISO-8601 instant and behind-wall-clock an"
                        + " ISO-8601 duration, were '" + start + "' and '" + behindWallClock + "'", e);
            }
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            RootBeanDefinition clock = new RootBeanDefinition(MutableClock.class, this::newClock);
            clock.setPrimary(true);
            ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("testClock", clock);
        }

        private MutableClock newClock() {
            MutableClock clock;
            if (ticking) {
                clock = MutableClock.ticking(start == null ? behindWallClock.negated() : Duration.between(Instant.now(), start));
            } else {
                clock = new MutableClock(start != null ? start : Instant.now().minus(behindWallClock).truncatedTo(ChronoUnit.SECONDS));
            }
            return forwardOnly ? clock.forwardOnly() : clock;
        }
    }
}
