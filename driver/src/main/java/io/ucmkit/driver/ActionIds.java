package io.ucmkit.driver;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ActionIDs that cannot collide: a random per-driver prefix (other AMI clients on the same PBX see our
 * OriginateResponse events with our ActionIDs, transcripts README surprise 11, and so do we see theirs)
 * plus a counter that never restarts, so an id from before a reconnect is never reused after it.
 */
final class ActionIds {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    ActionIds() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        this.prefix = "ucmkit-" + HexFormat.of().formatHex(bytes) + "-";
    }

    String next() {
        return prefix + counter.incrementAndGet();
    }

    boolean isOurs(String actionId) {
        return actionId != null && actionId.startsWith(prefix);
    }
}
