package io.ucmkit.simulator.admin;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A wait for a state of the simulated PBX: the probe runs now and again after every event the
 * PBX publishes (every state change publishes one), so the wait ends on the change itself — no
 * polling, no sleep — or fails after the timeout saying what it waited for and what it saw. The
 * probe runs on the waiting thread: the event listener only signals, so a probe never takes the
 * PBX's or the call engine's lock on a thread that already holds the other, nor blocks the thread
 * that reads an HTTP event stream.
 */
final class AdminWait {

    private AdminWait() {}

    static <T> T until(Admin admin, Duration timeout, String what, Supplier<Optional<T>> probe, Supplier<String> seen) {
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        // Subscribed before the first probe, so a change between the probe and the wait still wakes it.
        try (Admin.Subscription subscription = admin.events(event -> changed.release())) {
            while (true) {
                changed.drainPermits();
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new AssertionError("waited " + timeout.toMillis() + " ms for " + what + "; " + seen.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
