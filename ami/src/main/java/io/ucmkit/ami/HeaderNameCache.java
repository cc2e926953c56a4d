package io.ucmkit.ami;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of an ASCII header name into a String, reusing the String from the last time
 * the same name was seen. AMI repeats a few dozen names millions of times, so after warm-up the
 * decoder allocates one String per header value and none per name. Bounded: a fixed table where a
 * colliding name replaces the older one. One per decoder, so no locking.
 *
 * <p>A name is hashed eight bytes at a time; the arrays it reads must have
 * {@link HeaderLine#SLACK} bytes after the name (the last word is masked to the name).
 */
final class HeaderNameCache {

    private static final int SLOT_BITS = 12; // 4096: list replies (ListCommands: ~150 names) must not evict the hot event names
    private static final int MAX_CACHED_LENGTH = 32;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio: spreads into the top bits
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String[] names = new String[1 << SLOT_BITS];
    /** The bytes of {@code names[i]}, compared instead of the String (no per-char coder checks). */
    private final byte[][] nameBytes = new byte[1 << SLOT_BITS][];

    /** The name in {@code bytes[from, from + length)}, which is ASCII. */
    String name(byte[] bytes, int from, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (int) (hash(bytes, from, length) >>> (Long.SIZE - SLOT_BITS));
        byte[] cached = nameBytes[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, bytes, from, from + length)) {
            return names[slot];
        }
        String name = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        names[slot] = name;
        nameBytes[slot] = Arrays.copyOfRange(bytes, from, from + length);
        return name;
    }

    private static long hash(byte[] bytes, int from, int length) {
        long hash = length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            hash = (hash ^ (long) WORDS.get(bytes, from + i)) * MULTIPLIER;
        }
        if (i < length) {
            long tail = (long) WORDS.get(bytes, from + i) & (-1L >>> (Long.SIZE - Byte.SIZE * (length - i)));
            hash = (hash ^ tail) * MULTIPLIER;
        }
        return hash;
    }
}
