package io.ucmkit.driver;

import java.time.Duration;
import java.util.Objects;

/**
 * The reconnect policy as a value (Lettuce's {@code Delay.exponential()}): the n-th attempt waits
 * {@code min(max, initial * multiplier^(n-1))}, then spread by ±{@code jitter} (a fraction, 0–1) so that
 * many drivers restarted together do not hammer a PBX in lock step.
 *
 * <p>Defaults: initial 500 ms, max 30 s, multiplier 2, jitter 0.2. A refused login closes the socket
 * after Asterisk's 1 s delay (docs/ami.md §2.1, §7.8 item 3); the backoff keeps that from spinning.
 */
public record ReconnectDelay(Duration initial, Duration max, double multiplier, double jitter) {

    public ReconnectDelay {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("reconnect initial delay must be > 0, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("reconnect max delay " + max + " is below the initial delay " + initial);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("reconnect multiplier must be >= 1, was " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("reconnect jitter must be between 0 and 1, was " + jitter);
        }
    }

    public static ReconnectDelay defaults() {
        return new ReconnectDelay(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2);
    }

    /**
     * After a refused login (wrong secret, IP not permitted): 30 s, doubling up to 10 min. Retrying a
     * refusal at the network-error pace only repeats the failure, and a UCM may ban the integration's
     * IP after repeated failed logins.
     */
    public static ReconnectDelay refusedLogin() {
        return new ReconnectDelay(Duration.ofSeconds(30), Duration.ofMinutes(10), 2.0, 0.2);
    }

    /**
     * The wait before attempt {@code attempt} (1 = first retry); {@code random} is a uniform sample in [0, 1).
     */
    public Duration delay(int attempt, double random) {
        double base = initial.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, (double) max.toNanos());
        double spread = capped * (1.0 + jitter * (2.0 * random - 1.0));
        long nanos = (long) Math.max(0, Math.min(spread, (double) max.toNanos()));
        return Duration.ofNanos(nanos);
    }
}
