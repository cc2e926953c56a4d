package io.ucmkit.ami;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bytes are strict UTF-8 without decoding them: the decoder rejects a bad header when it reads it, and the
 * message makes its String only if the header is asked for. Strict as {@link HeaderLine#text} (Unicode's table
 * 3-7: no overlong forms, no surrogates, nothing past U+10FFFF, no truncated sequence). ASCII runs are skipped
 * eight bytes at a time; only the multi-byte sequences are looked at byte by byte.
 */
final class Utf8 {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {}

    /** Whether {@code b[from, to)} is strict UTF-8. Reads nothing outside the range. */
    static boolean isValid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (i + Long.BYTES <= to) {
                long high = (long) WORDS.get(b, i) & HIGH_BITS;
                if (high == 0) {
                    i += Long.BYTES;
                    continue;
                }
                i += Long.numberOfTrailingZeros(high) >>> 3; // the first non-ASCII byte of the word
            }
            int b0 = b[i];
            if (b0 >= 0) {
                i++;
            } else if (b0 >= (byte) 0xc2 && b0 <= (byte) 0xdf) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b0 >= (byte) 0xe0 && b0 <= (byte) 0xef) {
                if (i + 2 >= to) {
                    return false;
                }
                int b1 = b[i + 1] & 0xff;
                if (!continuation(b[i + 1])
                        || !continuation(b[i + 2])
                        || b0 == (byte) 0xe0 && b1 < 0xa0 // overlong
                        || b0 == (byte) 0xed && b1 >= 0xa0) { // a surrogate
                    return false;
                }
                i += 3;
            } else if (b0 >= (byte) 0xf0 && b0 <= (byte) 0xf4) {
                if (i + 3 >= to) {
                    return false;
                }
                int b1 = b[i + 1] & 0xff;
                if (!continuation(b[i + 1])
                        || !continuation(b[i + 2])
                        || !continuation(b[i + 3])
                        || b0 == (byte) 0xf0 && b1 < 0x90 // overlong
                        || b0 == (byte) 0xf4 && b1 >= 0x90) { // past U+10FFFF
                    return false;
                }
                i += 4;
            } else {
                return false; // a continuation byte first, C0/C1 (overlong) or F5..FF (never UTF-8)
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
