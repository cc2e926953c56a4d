package io.ucmkit.simulator.ami;

import java.nio.charset.StandardCharsets;

/** Text as Asterisk's fixed C buffers hold it. */
final class AsteriskText {

    private AsteriskText() {}

    /**
     * {@code text} as {@code snprintf} leaves it in a buffer of {@code buffer} bytes: at most
     * {@code buffer - 1} bytes of UTF-8. Asterisk may cut inside a character; a String cannot hold
     * half of one, so the cut falls before that character instead.
     */
    static String truncate(String text, int buffer) {
        int max = buffer - 1;
        if (text.length() <= max / 3 || text.getBytes(StandardCharsets.UTF_8).length <= max) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > max) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
