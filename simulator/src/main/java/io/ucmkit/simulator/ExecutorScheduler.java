package io.ucmkit.simulator;

import io.ucmkit.simulator.time.SimScheduler;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link SimScheduler}: one daemon timer thread. The call engine's timers run on it
 * inside the engine's lock; the AMI sessions' timers hop from it to their session's event loop.
 */
final class ExecutorScheduler implements SimScheduler, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ucmkit-sim-timer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
