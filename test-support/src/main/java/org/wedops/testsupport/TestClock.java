package org.wedops.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Spring test context of the annotated test class (or of every class carrying an annotation this one sits on)
 * reads time from a {@link MutableClock}: it is registered as the primary {@code Clock} before the context refreshes,
 * so the service's own {@code Clock} bean backs off, and tests autowire it as {@code MutableClock}. Each context has
 * its own clock; test classes with the same clock and otherwise the same configuration share one context and its
 * clock.
 * <p>
 * A module whose every test context must read the one test clock, whatever its classes declare, says so in
 * {@code spring.properties} at the root of its test resources ({@link TestClockCustomizerFactory#EVERY_CONTEXT} and the
 * same settings as below under {@code wedops.test-clock.}); an annotation on a class wins over it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TestClock {

    /**
     * The instant the clock reads when its context starts (ISO-8601, {@code 2026-06-06T10:00:00Z}); empty: the wall
     * clock less {@link #behindWallClock()}, in whole seconds for a standing clock.
     */
    String start() default "";

    /** How far behind the wall clock a clock without a {@link #start()} starts (ISO-8601 duration, {@code PT1H}). */
    String behindWallClock() default "PT0S";

    /** Whether the clock ticks in real time from wherever it is put, rather than standing still until a test moves it. */
    boolean ticking() default false;

    /** Whether the clock refuses to be moved into its past. */
    boolean forwardOnly() default false;
}
