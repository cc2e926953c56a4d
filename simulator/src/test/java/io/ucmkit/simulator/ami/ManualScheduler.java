package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.time.SimScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler tests advance by hand: nothing runs until {@link #runDue}. */
final class ManualScheduler implements SimScheduler {

    private record Task(Duration at, Runnable run, boolean[] cancelled) {}

    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay), task, cancelled));
        return () -> cancelled[0] = true;
    }

    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }

    /** Tasks not cancelled that are due within {@code window} from now (e.g. a 1 s delay, not a 30 s timeout). */
    synchronized int dueWithin(Duration window) {
        Duration until = now.plus(window);
        return (int) tasks.stream()
                .filter(t -> !t.cancelled()[0] && t.at().compareTo(until) <= 0)
                .count();
    }

    /** Advances time and runs the tasks now due. */
    void advance(Duration by) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(by);
            tasks.removeIf(t -> {
                if (t.at().compareTo(now) <= 0) {
                    due.add(t);
                    return true;
                }
                return false;
            });
        }
        due.stream().filter(t -> !t.cancelled()[0]).forEach(t -> t.run().run());
    }
}
