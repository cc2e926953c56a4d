package io.ucmkit.bench.previous;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * <b>The previous codec, frozen:</b> {@code io.ucmkit.ami.HeaderNameCache} as of commit 9fcb5c4 (see
 * {@link PreviousAmiDecoder}).
 *
 * <p>Turns the bytes of an ASCII header name into a String, reusing the String from the last time
 * the same name was seen. AMI repeats a few dozen names millions of times, so after warm-up the
 * decoder allocates one String per header value and none per name. Bounded: a fixed table where a
 * colliding name replaces the older one. One per decoder, so no locking.
 *
 * <p>A name of up to 31 bytes is read as four little-endian words, zero past its end, with its
 * length in the last byte; the words are both its hash and what a slot stores to recognise it,
 * so a hit costs a few word compares and no per-byte loop. The client profile keeps 4096 slots
 * (160 KiB with their words), the server profile 256. The arrays it reads must have
 * {@link PreviousHeaderLine#SLACK} bytes after the name (the last word is masked to the name).
 */
final class PreviousHeaderNameCache {

    /** Slots of a client's cache: list replies (ListCommands: ~150 names) must not evict hot event names. */
    static final int CLIENT_SLOT_BITS = 12;
    /** Slots of a server's cache: a client's actions use few names, at a low rate. */
    static final int SERVER_SLOT_BITS = 8;

    /** Longer names are rare and built each time; 31, not 32: the fourth word's last byte holds the length. */
    private static final int MAX_CACHED_LENGTH = 31;

    private static final int WORDS_PER_NAME = 4;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L; // 2^64 / golden ratio: spreads into the top bits
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int slotBits;
    private final String[] names;
    /** The words of {@code names[i]} at {@code [4 i, 4 i + 4)}. */
    private final long[] nameWords;

    PreviousHeaderNameCache(int slotBits) {
        this.slotBits = slotBits;
        names = new String[1 << slotBits];
        nameWords = new long[WORDS_PER_NAME << slotBits];
    }

    /** The name in {@code bytes[from, from + length)}, which is ASCII and not empty. */
    String name(byte[] bytes, int from, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        long tail = -1L >>> ((-length & 7) << 3); // the bytes of the last word that belong to the name
        long w0 = (long) WORDS.get(bytes, from);
        long w1 = 0;
        long w2 = 0;
        long w3 = (long) length << 56;
        if (length <= 8) {
            w0 &= tail;
        } else {
            w1 = (long) WORDS.get(bytes, from + 8);
            if (length <= 16) {
                w1 &= tail;
            } else {
                w2 = (long) WORDS.get(bytes, from + 16);
                if (length <= 24) {
                    w2 &= tail;
                } else {
                    w3 |= (long) WORDS.get(bytes, from + 24) & tail;
                }
            }
        }
        long hash = ((w0 * MULTIPLIER ^ w1) * MULTIPLIER ^ w2 ^ Long.rotateLeft(w3, 31)) * MULTIPLIER;
        int slot = (int) (hash >>> (Long.SIZE - slotBits));
        int at = slot * WORDS_PER_NAME;
        long[] words = nameWords;
        String cached = names[slot];
        if (cached != null && words[at] == w0 && words[at + 1] == w1 && words[at + 2] == w2 && words[at + 3] == w3) {
            return cached;
        }
        String name = new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        names[slot] = name;
        words[at] = w0;
        words[at + 1] = w1;
        words[at + 2] = w2;
        words[at + 3] = w3;
        return name;
    }
}
