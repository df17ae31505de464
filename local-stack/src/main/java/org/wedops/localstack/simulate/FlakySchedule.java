package org.wedops.localstack.simulate;

import java.time.Duration;

/**
 * A repeating up/down cycle measured from the simulator's start, so that alerts fire and resolve on a rhythm a person
 * watching the console can follow.
 */
public record FlakySchedule(Duration up, Duration down) {

    public boolean isDown(Duration sinceStart) {
        long cycle = up.toMillis() + down.toMillis();
        return sinceStart.toMillis() % cycle >= up.toMillis();
    }
}
