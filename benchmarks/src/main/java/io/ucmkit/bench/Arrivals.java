package io.ucmkit.bench;

/**
 * How many events have reached the end of a path, written by the one thread that receives them (the driver's
 * dispatcher thread, or the loopback client's event loop) and awaited by the benchmark thread.
 *
 * <p>The benchmark thread waits by spinning with {@link Thread#yield}, not by parking: a park/unpark hand-off
 * would add the benchmark thread's own wake-up (tens of µs) to every sample, a cost of the measurement and not of
 * the path. {@code yield} gives the core away whenever a thread of the path is runnable on it (the machine
 * may have two cores for five threads). A deadline turns a lost connection into a failed benchmark, not a hang.
 */
final class Arrivals {

    private static final long DEADLINE_NANOS = 10_000_000_000L;

    private volatile long count;

    /** Called by the single receiving thread only. */
    void add(long events) {
        count = count + events;
    }

    long count() {
        return count;
    }

    /** Returns once {@code target} events in all have arrived. */
    void awaitAtLeast(long target, String path) {
        long started = 0;
        for (int spins = 0; count < target; spins++) {
            if ((spins & 0x3FF) == 0x3FF) {
                long now = System.nanoTime();
                if (started == 0) {
                    started = now;
                } else if (now - started > DEADLINE_NANOS) {
                    throw new IllegalStateException(path + ": " + count + " of " + target
                            + " events arrived, none for 10 s (connection lost?)");
                }
            }
            Thread.yield();
        }
    }
}
