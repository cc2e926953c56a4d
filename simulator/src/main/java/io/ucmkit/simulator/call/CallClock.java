package io.ucmkit.simulator.call;

import java.time.Duration;

/** The simulator's injected time: wall clock for uniqueids and durations, and a scheduler. */
public interface CallClock {

    long currentTimeMillis();

    /** Runs {@code task} after {@code delay}; the returned action cancels it. */
    Runnable schedule(Duration delay, Runnable task);
}
