package org.wedops.alert;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.wedops.testsupport.MutableClock;

/**
 * The router's clock in an integration test: it stands still until the test moves it, so a group_wait, a retry pause
 * or an escalation's ack timeout passes when the test says so, however slow the machine.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RouterTestClock {

    /** A Saturday in peak season, as good as any other instant: nothing in these tests reads the calendar. */
    public static final Instant START = Instant.parse("2026-06-06T10:00:00Z");

    @Bean
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
