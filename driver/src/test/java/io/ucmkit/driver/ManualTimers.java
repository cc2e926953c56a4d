package io.ucmkit.driver;

import io.ucmkit.simulator.pbx.SimScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulator's clock and timers, moved by hand: ring timeouts, auto-answer delays and IVR waits fire when a
 * test calls {@link #advance}, on the test's thread, so a 60 s ring timeout takes no wall time and never races.
 * (The same idea as the simulator's own test clock; copied so the driver does not depend on its test classes.)
 */
final class ManualTimers implements SimScheduler {

    private record Task(long due, long seq, Runnable run) {
    }

    private long now = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
    private long seq;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + delay.toMillis(), seq++, task);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward by {@code d}, running every task that falls due, earliest first. */
    void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toMillis();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.due <= target)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = Math.max(now, next.due);
            }
            next.run.run(); // outside the lock: a task may schedule another
        }
    }

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the manual clock is UTC");
            }

            @Override
            public Instant instant() {
                synchronized (ManualTimers.this) {
                    return Instant.ofEpochMilli(now);
                }
            }
        };
    }
}
