package io.ucmkit.ami;

/**
 * Limits and behaviour of an {@link AmiDecoder}. Two profiles exist because the two directions
 * of AMI are read differently:
 *
 * <ul>
 *   <li>{@link #client()} reads what a server sends: the banner line, {@code Response: Follows}
 *       command output (Asterisk ≤13), generous limits because Asterisk has no output limit
 *       — a {@code ListCommands} reply alone has ~150 headers.</li>
 *   <li>{@link #server()} reads what a client sends, modelled on Asterisk's own reader
 *       ({@code get_input}/{@code do_message}): 1024-byte lines, 128 headers, blanks after
 *       the colon skipped (every byte below 33, as {@code ast_skip_blanks}), a bare blank line
 *       is an (empty) message of its own.</li>
 * </ul>
 *
 * Both end lines only at LF (CRLF or a bare LF) and keep any other CR inside the line, as
 * Asterisk does (transcript 31).
 *
 * @param profile         which side of the connection this decoder reads
 * @param maxLineLength   longest line in bytes, counting its line end. Client default 65536;
 *                        server default 1024, as Asterisk's {@code char inbuf[1025]}
 *                        (a 1022-character header plus CRLF is accepted, 1023 is not: transcript 21)
 * @param maxHeaders      most headers in one message. Client default 8192; server default 128
 *                        ({@code AST_MAX_MANHEADERS})
 * @param maxMessageBytes most bytes in one message before the decoder gives up on it and
 *                        discards up to the next blank line. Client default 4 MiB; server
 *                        default 132096 (128 lines of 1024 bytes plus slack)
 */
public record AmiDecoderConfig(Profile profile, int maxLineLength, int maxHeaders, int maxMessageBytes) {

    /** Which direction the decoder reads. */
    public enum Profile {
        /** Server→client bytes: banner, responses, events; strict about malformed lines. */
        CLIENT,
        /** Client→server bytes, read the way Asterisk reads them. */
        SERVER
    }

    public static final int DEFAULT_CLIENT_MAX_LINE_LENGTH = 65_536;
    public static final int DEFAULT_CLIENT_MAX_HEADERS = 8_192;
    public static final int DEFAULT_CLIENT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    public static final int ASTERISK_MAX_LINE_LENGTH = 1_024;
    public static final int ASTERISK_MAX_HEADERS = 128;
    public static final int DEFAULT_SERVER_MAX_MESSAGE_BYTES = 129 * 1_024;

    public AmiDecoderConfig {
        if (profile == null) {
            throw new IllegalArgumentException("profile must be CLIENT or SERVER");
        }
        if (maxLineLength < 3) {
            throw new IllegalArgumentException("maxLineLength must be at least 3 bytes, was " + maxLineLength);
        }
        if (maxHeaders < 1) {
            throw new IllegalArgumentException("maxHeaders must be at least 1, was " + maxHeaders);
        }
        if (maxMessageBytes < maxLineLength) {
            throw new IllegalArgumentException(
                    "maxMessageBytes (" + maxMessageBytes + ") must be at least maxLineLength (" + maxLineLength + ")");
        }
    }

    /** The profile for reading a server's output (drivers, test clients). */
    public static AmiDecoderConfig client() {
        return new AmiDecoderConfig(
                Profile.CLIENT,
                DEFAULT_CLIENT_MAX_LINE_LENGTH,
                DEFAULT_CLIENT_MAX_HEADERS,
                DEFAULT_CLIENT_MAX_MESSAGE_BYTES);
    }

    /** The profile for reading a client's input the way Asterisk does (the simulator). */
    public static AmiDecoderConfig server() {
        return new AmiDecoderConfig(
                Profile.SERVER, ASTERISK_MAX_LINE_LENGTH, ASTERISK_MAX_HEADERS, DEFAULT_SERVER_MAX_MESSAGE_BYTES);
    }

    public AmiDecoderConfig withMaxLineLength(int bytes) {
        return new AmiDecoderConfig(profile, bytes, maxHeaders, Math.max(maxMessageBytes, bytes));
    }

    public AmiDecoderConfig withMaxHeaders(int count) {
        return new AmiDecoderConfig(profile, maxLineLength, count, maxMessageBytes);
    }

    public AmiDecoderConfig withMaxMessageBytes(int bytes) {
        return new AmiDecoderConfig(profile, maxLineLength, maxHeaders, bytes);
    }

    boolean isServer() {
        return profile == Profile.SERVER;
    }
}
