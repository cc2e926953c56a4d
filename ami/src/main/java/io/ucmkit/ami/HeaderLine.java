package io.ucmkit.ami;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One line of a byte array, found and scanned in a single pass: where it ends, where the first
 * colon is, and whether there is a NUL or a non-ASCII byte. The pass reads eight bytes at a time
 * (SWAR: each test is a few arithmetic operations on a {@code long}), which is several times
 * cheaper than a loop over bytes for lines of 20–30 bytes. One per decoder, so no locking.
 *
 * <p>Every array this class scans must have {@link #SLACK} bytes after the last byte it is asked
 * to look at: the last word read may run past the line, and its extra bytes are ignored.
 */
final class HeaderLine {

    /** Bytes an array needs after its content so that a whole word can be read at any content index. */
    static final int SLACK = Long.BYTES;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long COLONS = ONES * ':';
    private static final long LFS = ONES * '\n';

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

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
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
