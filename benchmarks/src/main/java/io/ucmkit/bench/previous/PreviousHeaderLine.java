package io.ucmkit.bench.previous;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * <b>The previous codec, frozen:</b> {@code io.ucmkit.ami.HeaderLine} as of commit 9fcb5c4 (see
 * {@link PreviousAmiDecoder}).
 *
 * <p>One line of a byte array, found and scanned in a single pass: where it ends, where the first
 * colon is, and whether there is a NUL or a non-ASCII byte. The pass reads eight bytes at a time
 * (SWAR: each test is a few arithmetic operations on a {@code long}), which is several times
 * cheaper than a loop over bytes for lines of 20–30 bytes. One per decoder, so no locking.
 *
 * <p>Every array this class scans must have {@link #SLACK} bytes after the last byte it is asked
 * to look at: the last word read may run past the line, and its extra bytes are ignored.
 */
final class PreviousHeaderLine {

    /** Bytes an array needs after its content so that a whole word can be read at any content index. */
    static final int SLACK = Long.BYTES;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long COLONS = ONES * ':';
    private static final long LFS = ONES * '\n';

    /** UTF-8 values are decoded into this, then copied once into their String. */
    private char[] chars = new char[64];

    /** The line copied out of a ByteBuf by {@link #load}; {@link #bytes} is either this or an array being scanned. */
    private byte[] own = new byte[256 + SLACK];

    /** The array the line is in; every index below is an index of it. */
    byte[] bytes;
    /** First byte of the line. */
    int start;
    /** End of the line's content: its CR LF or LF excluded. */
    int end;
    /** Index of the first ':' or -1. */
    int colon;

    boolean hasNul;
    boolean nameIsAscii;
    boolean valueIsAscii;

    int length() {
        return end - start;
    }

    /** Copies the line {@code in[start, start + withLineEnd)}, which ends in LF, and scans it. */
    void load(ByteBuf in, int start, int withLineEnd) {
        if (own.length < withLineEnd + SLACK) {
            own = new byte[Math.max(withLineEnd + SLACK, 2 * own.length)];
        }
        in.getBytes(start, own, 0, withLineEnd);
        scan(own, 0, withLineEnd);
    }

    /**
     * Finds the line that starts at {@code from} and ends with an LF before {@code limit}, and
     * scans it. Returns the index of its LF, or -1 when there is no LF before {@code limit}
     * (the fields are then meaningless).
     */
    int scan(byte[] b, int from, int limit) {
        long nameHigh = 0;
        long valueHigh = 0;
        long nuls = 0;
        int colonAt = -1;
        int lf = -1;
        int i = from;
        // The name: up to the first ':' or the LF.
        while (i < limit) {
            long word = (long) WORDS.get(b, i);
            long stops = zeroBytes(word ^ COLONS) | zeroBytes(word ^ LFS);
            if (stops == 0) {
                nameHigh |= word;
                nuls |= zeroBytes(word);
                i += Long.BYTES;
                continue;
            }
            long before = bytesBelow(stops);
            nameHigh |= word & before;
            nuls |= zeroBytes(word) & before;
            int at = i + (Long.numberOfTrailingZeros(stops) >>> 3);
            if (at >= limit) {
                return -1;
            }
            if (b[at] == '\n') {
                lf = at;
            } else {
                colonAt = at;
            }
            i = at + 1;
            break;
        }
        // The value: up to the LF.
        if (colonAt >= 0) {
            while (i < limit) {
                long word = (long) WORDS.get(b, i);
                long stops = zeroBytes(word ^ LFS);
                if (stops == 0) {
                    valueHigh |= word;
                    nuls |= zeroBytes(word);
                    i += Long.BYTES;
                    continue;
                }
                long before = bytesBelow(stops);
                valueHigh |= word & before;
                nuls |= zeroBytes(word) & before;
                int at = i + (Long.numberOfTrailingZeros(stops) >>> 3);
                if (at < limit) {
                    lf = at;
                }
                break;
            }
        }
        if (lf < 0) {
            return -1;
        }
        bytes = b;
        start = from;
        end = lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
        colon = colonAt;
        hasNul = nuls != 0;
        nameIsAscii = (nameHigh & HIGH_BITS) == 0;
        valueIsAscii = (valueHigh & HIGH_BITS) == 0;
        return lf;
    }

    /**
     * A high bit in every byte of {@code word} that is zero. Exact up to the lowest zero byte; a
     * byte above it may be flagged wrongly (the borrow), so callers only trust the lowest flag or
     * mask with {@link #bytesBelow} of an exact lowest flag.
     */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    /** All bits of the bytes below the lowest flagged byte of {@code flags} (little-endian: lower index). */
    private static long bytesBelow(long flags) {
        return ((flags & -flags) >>> 7) - 1;
    }

    /**
     * The text of {@code bytes[from, to)}: ASCII is copied as is (the cheapest String there is),
     * anything else is decoded as strict UTF-8. Null when the bytes are not valid UTF-8.
     */
    String text(int from, int to, boolean ascii) {
        if (from == to) {
            return "";
        }
        if (ascii) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return utf8(bytes, from, to);
    }

    /**
     * Strict UTF-8, as a {@code CharsetDecoder} that reports malformed input decodes it (the
     * well-formed sequences of Unicode's table 3-7: no overlong forms, no surrogates, nothing past
     * U+10FFFF, no truncated sequence), into a reusable char array: one String and its array are
     * all it allocates, where the decoder also made a ByteBuffer, a CharBuffer and its array.
     */
    private String utf8(byte[] b, int from, int to) {
        if (chars.length < to - from) {
            chars = new char[Math.max(to - from, 2 * chars.length)];
        }
        char[] out = chars;
        int n = 0;
        int i = from;
        while (i < to) {
            int b0 = b[i];
            if (b0 >= 0) {
                out[n++] = (char) b0;
                i++;
            } else if (b0 >= (byte) 0xc2 && b0 <= (byte) 0xdf) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return null;
                }
                out[n++] = (char) ((b0 & 0x1f) << 6 | b[i + 1] & 0x3f);
                i += 2;
            } else if (b0 >= (byte) 0xe0 && b0 <= (byte) 0xef) {
                if (i + 2 >= to) {
                    return null;
                }
                int b1 = b[i + 1] & 0xff;
                if (!continuation(b[i + 1])
                        || !continuation(b[i + 2])
                        || b0 == (byte) 0xe0 && b1 < 0xa0 // overlong
                        || b0 == (byte) 0xed && b1 >= 0xa0) { // a surrogate
                    return null;
                }
                out[n++] = (char) ((b0 & 0x0f) << 12 | (b1 & 0x3f) << 6 | b[i + 2] & 0x3f);
                i += 3;
            } else if (b0 >= (byte) 0xf0 && b0 <= (byte) 0xf4) {
                if (i + 3 >= to) {
                    return null;
                }
                int b1 = b[i + 1] & 0xff;
                if (!continuation(b[i + 1])
                        || !continuation(b[i + 2])
                        || !continuation(b[i + 3])
                        || b0 == (byte) 0xf0 && b1 < 0x90 // overlong
                        || b0 == (byte) 0xf4 && b1 >= 0x90) { // past U+10FFFF
                    return null;
                }
                int codePoint = (b0 & 0x07) << 18 | (b1 & 0x3f) << 12 | (b[i + 2] & 0x3f) << 6 | b[i + 3] & 0x3f;
                out[n++] = Character.highSurrogate(codePoint);
                out[n++] = Character.lowSurrogate(codePoint);
                i += 4;
            } else {
                return null; // a continuation byte first, C0/C1 (overlong) or F5..FF (never UTF-8)
            }
        }
        return new String(out, 0, n);
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    /** The start of the line for an error message, control and non-ASCII bytes shown as '?'. */
    String snippet() {
        int shown = Math.min(length(), 40);
        char[] chars = new char[shown];
        for (int i = 0; i < shown; i++) {
            int c = bytes[start + i] & 0xff;
            chars[i] = c < 0x20 || c >= 0x7f ? '?' : (char) c;
        }
        return length() > shown ? new String(chars) + "…" : new String(chars);
    }
}
