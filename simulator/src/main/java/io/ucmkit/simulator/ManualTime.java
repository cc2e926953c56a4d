package io.ucmkit.simulator;

import io.ucmkit.simulator.time.SimScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time a test moves by hand, for the simulator's clock and timers: ring timeouts, auto answer,
 * IVR waits, the auth timeout and the failed-login delay fire only when the test calls
 * {@link #advance}, on the test's thread, so a 60 s ring timeout takes no wall time and never races.
 * <pre>{@code
 * ManualTime time = new ManualTime();
 * UcmSimulator sim = UcmSimulator.builder().clock(time.clock()).scheduler(time).amiPort(0).start();
 * time.advance(Duration.ofSeconds(60));   // the unanswered phone times out now
 * }</pre>
 */
public final class ManualTime implements SimScheduler {

    /** The default start: the day the reference transcripts were recorded. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-22T11:21:43Z");

    private record Task(long due, long seq, Runnable run) {}

    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long seq;

    public ManualTime() {
        this(DEFAULT_START);
    }

    public ManualTime(Instant start) {
        this.now = start.toEpochMilli();
    }

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

    /** Moves time forward, running every task that falls due, earliest first (ties in scheduling order). */
    public void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toMillis();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> t.due <= target)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq))
                        .orElse(null);
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

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized int pending() {
        return tasks.size();
    }

    public synchronized Instant now() {
        return Instant.ofEpochMilli(now);
    }

    /** This time as a UTC {@link Clock} for {@code UcmSimulator.Builder.clock}. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("ManualTime's clock is UTC");
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
