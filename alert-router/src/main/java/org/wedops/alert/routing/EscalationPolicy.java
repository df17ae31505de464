package org.wedops.alert.routing;

import java.time.Duration;
import java.util.List;

/**
 * Who is told next when nobody acknowledges: after each tier's ack timeout (shorter on wedding days) the next tier's
 * receiver is notified; the whole ladder runs {@code repeat} + 1 times, then stops at the last tier.
 */
public record EscalationPolicy(String name, List<Tier> tiers, int repeat) {

    public record Tier(String receiver, Duration ackTimeout, Duration weddingDayAckTimeout) {

        public Duration timeout(boolean weddingDay) {
            return weddingDay && weddingDayAckTimeout != null ? weddingDayAckTimeout : ackTimeout;
        }
    }
}
