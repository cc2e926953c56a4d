package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.call.CallClock;
import java.time.Clock;
import java.time.Duration;

/** The simulator's injected clock and scheduler as the call engine's time (tests advance both by hand). */
public record SchedulerCallClock(Clock clock, SimScheduler scheduler) implements CallClock {

    @Override
    public long currentTimeMillis() {
        return clock.millis();
    }

    @Override
    public Runnable schedule(Duration delay, Runnable task) {
        SimScheduler.Cancellable handle = scheduler.schedule(delay, task);
        return handle::cancel;
    }
}
