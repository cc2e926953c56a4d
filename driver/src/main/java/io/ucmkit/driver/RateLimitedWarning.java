package io.ucmkit.driver;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Lets one warning of a kind through per period and counts the ones held back, so a PBX that sends
 * thousands of bad messages a second cannot flood the log while every one is still counted (by the caller).
 * Thread-safe.
 */
final class RateLimitedWarning {

    private final long periodNanos;
    private final LongSupplier nanoTime;
    private long nextAllowed;
    private boolean started;
    private long suppressed;

    RateLimitedWarning(long period, TimeUnit unit, LongSupplier nanoTime) {
        this.periodNanos = unit.toNanos(period);
        this.nanoTime = nanoTime;
    }

    /**
     * Whether to log now. Returns -1 when this one is held back; otherwise how many were held back since the
     * last one logged (0 usually), for the log line to say so.
     */
    synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        if (started && now - nextAllowed < 0) {
            suppressed++;
            return -1;
        }
        started = true;
        nextAllowed = now + periodNanos;
        long held = suppressed;
        suppressed = 0;
        return held;
    }
}
