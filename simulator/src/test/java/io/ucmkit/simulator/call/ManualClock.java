package io.ucmkit.simulator.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock tests move by hand; scheduled tasks run when their time is reached. */
final class ManualClock implements CallClock {

    private long now = 1_795_346_503_000L;
    private long seq;
    private final List<Task> tasks = new ArrayList<>();

    private record Task(long due, long seq, Runnable run) {
    }

    @Override
    public synchronized long currentTimeMillis() {
        return now;
    }

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable task) {
        Task t = new Task(now + delay.toMillis(), seq++, task);
        tasks.add(t);
        return () -> {
            synchronized (this) {
                tasks.remove(t);
            }
        };
    }

    /** This clock as the simulator's {@link java.time.Clock}. */
    java.time.Clock asClock() {
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException("the manual clock is UTC");
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochMilli(currentTimeMillis());
            }
        };
    }

    /** This clock's timers as the simulator's scheduler. */
    io.ucmkit.simulator.pbx.SimScheduler asScheduler() {
        return (delay, task) -> {
            Runnable cancel = schedule(delay, task);
            return cancel::run;
        };
    }

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
            next.run.run();
        }
    }
}
