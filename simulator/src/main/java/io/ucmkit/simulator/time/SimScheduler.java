package io.ucmkit.simulator.time;

import java.time.Duration;

/**
 * The simulator's one scheduler: the AMI sessions' timers (auth timeout, failed-login delay) and
 * the call engine's (ring timeouts, auto answer, IVR waits, RTCP reports). The default is one timer
 * thread ({@code ExecutorScheduler}); tests inject {@code ManualTime}, which runs due tasks on the
 * test's thread when it moves time, so nothing sleeps. Time itself is a {@link java.time.Clock}.
 * Tasks must be cheap and must not block.
 */
public interface SimScheduler {

    /** Runs {@code task} once after {@code delay}; the handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
