package io.ucmkit.features.phones;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing of baresip's ctrl_tcp: {@code <length>:<bytes>,} (D. J. Bernstein's netstrings),
 * each one a JSON object — a command from us, a response or an event from baresip.
 */
final class Netstring {

    /** Far above any command, response or event baresip sends; a longer length means a broken stream. */
    private static final int MAX_LENGTH = 1 << 20;

    private Netstring() {}

    static byte[] encode(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.writeBytes(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(body);
        out.write(',');
        return out.toByteArray();
    }

    /** Reads one netstring, blocking; EOFException when the stream ends between two of them. */
    static String read(InputStream in) throws IOException {
        int length = 0;
        int digits = 0;
        for (int b; (b = in.read()) != ':'; digits++) {
            if (b < 0) {
                throw new EOFException("ctrl_tcp closed");
            }
            if (b < '0' || b > '9' || length > MAX_LENGTH) {
                throw new IOException("not a netstring: length byte " + b);
            }
            length = length * 10 + (b - '0');
        }
        if (digits == 0) {
            throw new IOException("not a netstring: no length");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length || in.read() != ',') {
            throw new IOException("netstring of " + length + " bytes not terminated by ','");
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
