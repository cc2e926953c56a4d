package io.ucmkit.ami;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an ASCII header name into a String, reusing the String from the last time
 * the same name was seen. AMI repeats a few dozen names millions of times, so after warm-up the
 * decoder allocates one String per header value and none per name. Bounded: a fixed table where a
 * colliding name replaces the older one. One per decoder, so no locking.
 */
final class HeaderNameCache {

    private static final int SLOTS = 512;
    private static final int MAX_CACHED_LENGTH = 32;

    private final String[] slots = new String[SLOTS];
    private final Hasher hasher = new Hasher();
    private final Comparer comparer = new Comparer();

    /** The name at {@code in[index, index + length)}, or {@code null} when it is not ASCII. */
    String name(ByteBuf in, int index, int length) {
        hasher.hash = length;
        if (in.forEachByte(index, length, hasher) >= 0) {
            return null;
        }
        if (length > MAX_CACHED_LENGTH) {
            return in.toString(index, length, StandardCharsets.US_ASCII);
        }
        int hash = hasher.hash;
        int slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.length() == length && comparer.matches(cached, in, index, length)) {
            return cached;
        }
        String name = in.toString(index, length, StandardCharsets.US_ASCII);
        slots[slot] = name;
        return name;
    }

    /** Hashes ASCII bytes; stops (returns false) at the first non-ASCII byte. */
    private static final class Hasher implements ByteProcessor {
        int hash;

        @Override
        public boolean process(byte value) {
            hash = 31 * hash + value;
            return value >= 0;
        }
    }

    private static final class Comparer implements ByteProcessor {
        private String expected;
        private int position;

        boolean matches(String cached, ByteBuf in, int index, int length) {
            expected = cached;
            position = 0;
            return in.forEachByte(index, length, this) < 0;
        }

        @Override
        public boolean process(byte value) {
            return expected.charAt(position++) == value;
        }
    }
}
