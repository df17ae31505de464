package org.wedops.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * A clock the tests set and move; the service under test reads every instant from it (its {@code Clock} bean, see
 * {@link TestClock}).
 * <p>
 * It either stands still until a test moves it, so a window, a timeout or a lease ends when the test says so however
 * slow the machine, or {@linkplain #ticking ticks} in real time from wherever a test puts it, for tests whose service
 * must see time pass on its own. A {@linkplain #forwardOnly() forward-only} clock refuses to be set into its past:
 * where records stamped by it set a stream's time, a clock gone backwards would stamp records the stream already
 * counts as late.
 */
public class MutableClock extends Clock {

    /** What a standing clock adds its offset to: its reading is the offset from the epoch. */
    private static final Clock STANDING = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private final Clock base;
    private final Duration start;
    private final boolean forwardOnly;
    private final AtomicReference<Duration> offset;

    /** A clock that stands still at {@code start} until a test moves it. */
    public MutableClock(Instant start) {
        this(STANDING, Duration.between(Instant.EPOCH, start), false);
    }

    private MutableClock(Clock base, Duration start, boolean forwardOnly) {
        this.base = base;
        this.start = start;
        this.forwardOnly = forwardOnly;
        this.offset = new AtomicReference<>(start);
    }

    /** A clock that ticks in real time, {@code aheadOfWallClock} ahead of the wall clock (negative: behind it). */
    public static MutableClock ticking(Duration aheadOfWallClock) {
        return new MutableClock(Clock.systemUTC(), aheadOfWallClock, false);
    }

    /** This clock, as it reads now, refusing from then on to be set into its past. */
    public MutableClock forwardOnly() {
        return new MutableClock(base, offset.get(), true);
    }

    /** From now on the clock reads {@code instant} (and, if it ticks, ticks on from there). */
    public void set(Instant instant) {
        move(current -> Duration.between(base.instant(), instant));
    }

    public void advance(Duration duration) {
        move(current -> current.plus(duration));
    }

    /** Back to where the clock would read had no test moved it: its start, or for a ticking clock its start's distance from the wall clock. */
    public void reset() {
        move(current -> start);
    }

    private void move(UnaryOperator<Duration> change) {
        offset.updateAndGet(current -> {
            Duration next = change.apply(current);
            if (forwardOnly && next.compareTo(current) < 0) {
                throw new IllegalArgumentException("this test clock only moves forward: it reads " + base.instant().plus(current)
                        + ", a test moved it back to " + base.instant().plus(next));
            }
            return next;
        });
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
