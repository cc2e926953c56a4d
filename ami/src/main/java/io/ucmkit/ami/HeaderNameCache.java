package io.ucmkit.ami;

import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an ASCII header name into a String, reusing the String from the last time
 * the same name was seen. AMI repeats a few dozen names millions of times, so after warm-up the
 * decoder allocates one String per header value and none per name. Bounded: a fixed table where a
 * colliding name replaces the older one. One per decoder, so no locking.
 */
final class HeaderNameCache {

    private static final int SLOTS = 4096; // list replies (ListCommands: ~150 names) must not evict the hot event names
    private static final int MAX_CACHED_LENGTH = 32;

    private final String[] slots = new String[SLOTS];

    /** The name in {@code bytes[0, length)} (ASCII), whose hash {@link HeaderLine} computed. */
    String name(byte[] bytes, int length, int hash) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && sameAscii(cached, bytes, length)) {
            return cached;
        }
        String name = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        slots[slot] = name;
        return name;
    }

    private static boolean sameAscii(String cached, byte[] bytes, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
