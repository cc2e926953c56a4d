package io.ucmkit.ami;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One line copied out of the decoder's cumulation into a reusable array and scanned once: where
 * the first colon is, whether there is a NUL or a non-ASCII byte, and the hash of the name. One
 * copy and one pass per line is cheaper than asking the ByteBuf for each of these, and gives a
 * single code path for heap and direct buffers. One per decoder, so no locking.
 */
final class HeaderLine {

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    byte[] bytes = new byte[256];
    int length;
    /** Index of the first ':' or -1. */
    int colon;
    /** Hash of the bytes before the colon, as {@link HeaderNameCache} expects. */
    int nameHash;
    boolean hasNul;
    boolean nameIsAscii;
    boolean valueIsAscii;

    void load(ByteBuf in, int start, int lineLength) {
        if (bytes.length < lineLength) {
            bytes = new byte[Math.max(lineLength, 2 * bytes.length)];
        }
        in.getBytes(start, bytes, 0, lineLength);
        length = lineLength;
        scan();
    }

    private void scan() {
        byte[] b = bytes;
        int hash = 0;
        boolean nul = false;
        boolean nameAscii = true;
        int i = 0;
        for (; i < length; i++) {
            byte c = b[i];
            if (c == ':') {
                break;
            }
            hash = 31 * hash + c;
            if (c <= 0) {
                nul |= c == 0;
                nameAscii &= c == 0;
            }
        }
        colon = i < length ? i : -1;
        boolean valueAscii = true;
        for (i++; i < length; i++) {
            byte c = b[i];
            if (c <= 0) {
                nul |= c == 0;
                valueAscii &= c == 0;
            }
        }
        nameHash = hash;
        hasNul = nul;
        nameIsAscii = nameAscii;
        valueIsAscii = valueAscii;
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
        int shown = Math.min(length, 40);
        char[] chars = new char[shown];
        for (int i = 0; i < shown; i++) {
            int c = bytes[i] & 0xff;
            chars[i] = c < 0x20 || c >= 0x7f ? '?' : (char) c;
        }
        return length > shown ? new String(chars) + "…" : new String(chars);
    }
}
