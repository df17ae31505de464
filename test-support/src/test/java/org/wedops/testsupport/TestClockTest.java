package org.wedops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A test context gets the clock its class declares, directly or through an annotation of its own, as its primary Clock. */
@SpringJUnitConfig(TestClockTest.ServiceWithItsOwnClock.class)
@TestClockTest.ModuleIntegrationTest
class TestClockTest {

    @Retention(RetentionPolicy.RUNTIME)
    @TestClock(start = "2026-02-09T09:00:00Z")
    @interface ModuleIntegrationTest {
    }

    @TestClock(ticking = true, behindWallClock = "PT1H")
    static class TickingAnHourBehind {
    }

    @TestClock(behindWallClock = "PT1H", forwardOnly = true)
    static class StandingAnHourBehind {
    }

    @TestClock(behindWallClock = "PT1H", forwardOnly = true)
    static class AlsoStandingAnHourBehind {
    }

    @TestClock(start = "last Saturday")
    static class StartingOnNoInstant {
    }

    static class WithoutTestClock {
    }

    @Configuration(proxyBeanMethods = false)
    static class ServiceWithItsOwnClock {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    Clock serviceClock;

    @Autowired
    MutableClock clock;

    private final TestClockCustomizerFactory factory = new TestClockCustomizerFactory();

    @Test
    void theServiceReadsTheDeclaredClockAndTheTestMovesIt() {
        assertThat(serviceClock).isSameAs(clock);
        assertThat(serviceClock.instant()).isEqualTo(Instant.parse("2026-02-09T09:00:00Z"));
        clock.advance(Duration.ofDays(1));
        assertThat(serviceClock.instant()).isEqualTo(Instant.parse("2026-02-10T09:00:00Z"));
        clock.reset();
    }

    private MutableClock clockOf(Class<?> testClass) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            factory.createContextCustomizer(testClass, List.of()).customizeContext(context, null);
            context.refresh();
            return context.getBean(MutableClock.class);
        }
    }

    @Test
    void classesDeclaringTheSameClockShareAContextAndClassesDeclaringNoneKeepTheirs() {
        assertThat(factory.createContextCustomizer(StandingAnHourBehind.class, List.of()))
                .isEqualTo(factory.createContextCustomizer(AlsoStandingAnHourBehind.class, List.of()))
                .isNotEqualTo(factory.createContextCustomizer(TickingAnHourBehind.class, List.of()));
        assertThat(factory.createContextCustomizer(WithoutTestClock.class, List.of())).isNull();
    }

    @Test
    void aClockWithoutAStartStartsBehindTheWallClockStandingOnAWholeSecondOrTicking() {
        Instant earliest = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        MutableClock standing = clockOf(StandingAnHourBehind.class);
        MutableClock ticking = clockOf(TickingAnHourBehind.class);
        Instant latest = Instant.now().minus(Duration.ofHours(1));

        assertThat(standing.instant()).isBetween(earliest, latest).isEqualTo(standing.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThatIllegalArgumentException().as("forward-only").isThrownBy(() -> standing.advance(Duration.ofSeconds(-1)));
        assertThat(ticking.instant()).isBetween(earliest, Instant.now().minus(Duration.ofHours(1)));
    }

    @Test
    void aStartThatIsNoInstantIsRefusedNamingTheClass() {
        assertThatIllegalArgumentException().isThrownBy(() -> factory.createContextCustomizer(StartingOnNoInstant.class, List.of()))
                .withMessageContaining(StartingOnNoInstant.class.getName()).withMessageContaining("last Saturday");
    }
}
