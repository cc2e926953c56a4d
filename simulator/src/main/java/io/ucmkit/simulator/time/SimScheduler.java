package io.ucmkit.simulator.time;

import java.time.Duration;

/**
 * Timers of the simulator (auth timeout, failed-login delay; answer delays in issue 4). The
 * default runs on Netty's event loops; tests may inject one they advance by hand so nothing
 * sleeps. Tasks must be cheap and must not block.
 */
public interface SimScheduler {

    /** Runs {@code task} once after {@code delay}; the handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
