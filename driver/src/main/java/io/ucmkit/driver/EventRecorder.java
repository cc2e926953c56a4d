package io.ucmkit.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The driver events since it was opened ({@link UcmDriver#recordEvents()}), kept so that a test
 * can wait for one that may already have arrived: open it before the command, then
 * {@link #await} the Call Status, IVR Response or Presence the command should cause. Woken by each
 * new event, never by sleeping; close it to stop recording.
 */
public final class EventRecorder implements AutoCloseable {

    private final List<DriverEvent> events = new ArrayList<>();
    private final Runnable unsubscribe;

    EventRecorder(UcmDriver driver) {
        this.unsubscribe = driver.subscribe(this::add);
    }

    private synchronized void add(DriverEvent event) {
        events.add(event);
        notifyAll();
    }

    /** Everything recorded so far, in order. */
    public synchronized List<DriverEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The first recorded event of {@code type} that {@code match} accepts, waiting up to
     * {@code timeout} for it; fails with an {@link AssertionError} listing what was recorded.
     */
    public synchronized <T extends DriverEvent> T await(Class<T> type, Predicate<? super T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < events.size(); seen++) {
                DriverEvent e = events.get(seen);
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout.toMillis()
                        + " ms; recorded: " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a " + type.getSimpleName(), e);
            }
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
