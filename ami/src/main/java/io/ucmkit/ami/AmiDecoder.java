package io.ucmkit.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Frames AMI bytes into {@link AmiFrame}s: {@link AmiBanner}, {@link AmiMessage} or
 * {@link AmiDecodeFailure}. Lines end only at LF — CR LF or a bare LF, as Asterisk's
 * {@code get_input()} reads them; any other CR stays inside the line, in a name or a value
 * (transcript 31). A blank line ends a message. Every limit is a setting of {@link AmiDecoderConfig}.
 *
 * <p>Malformed input never throws and is never silently dropped: the message it belongs to is
 * emitted as an {@link AmiDecodeFailure} with a reason and the well-formed headers read so far,
 * and decoding resumes after the next blank line (for a {@code Response: Follows} body, the one
 * after its {@code --END COMMAND--}). Memory is bounded by the line and message
 * limits whatever the peer sends.
 *
 * <p>Copy discipline: each read is copied once into an array (at most {@link #WINDOW_BYTES} at a
 * time) and its whole lines are found and scanned there in one pass, eight bytes at a time
 * ({@link HeaderLine}: the LF, the first colon, NUL and non-ASCII bytes); a line the copy cannot take is read
 * from the buffer on its own. Only a line with non-ASCII bytes is then checked as UTF-8 ({@link Utf8}). No
 * String is made: each message gets one copy of its header lines and a compact index of them
 * ({@link HeaderBlock}), and {@link AmiMessage} makes a name's or a value's String when it is asked for.
 * Memory is the line and message limits plus the window: at most 64 KiB, grown to the largest
 * read seen.
 *
 * <p>Why one class of this size: it is the state machine (the private {@code State} enum and its transition table),
 * and every transition is an assignment in this file so it can be read in one place, as Netty's
 * {@code HttpObjectDecoder}; the scanning, UTF-8 check and message layout are already their own
 * classes.
 */
public final class AmiDecoder extends ByteToMessageDecoder {

    private static final byte LF = '\n';
    private static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = AmiHeaders.RESPONSE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FOLLOWS = "Follows".getBytes(StandardCharsets.US_ASCII);
    /** Most bytes copied out of a read at once (a socket read is at most 64 KiB by default). */
    private static final int WINDOW_BYTES = 64 * 1024;

    /**
     * Where the decoder is in the stream: the one piece of control state carried from line to line and
     * from read to read (the message being built, its byte count and its first failure are data, read
     * only to emit it). The transitions, all made in this class:
     *
     * <pre>
     * IDLE             header, bad or over-long line    → HEADERS           (a message starts)
     * IDLE             banner (client), blank line      → IDLE              (an extra blank line: the server
     *                                                                        profile emits an empty message)
     * HEADERS          blank line                       → IDLE              (the message or its failure is emitted)
     * HEADERS          first header Response: Follows   → FOLLOWS_HEADERS   (client profile)
     * FOLLOWS_HEADERS  a line not Privilege or ActionID → FOLLOWS_BODY, or HEADERS if it ends in --END COMMAND--
     * FOLLOWS_BODY     a line ending in --END COMMAND-- → HEADERS           (the blank line after it ends the message)
     * any in a message over maxMessageBytes             → SKIPPING_TO_BLANK_LINE (the failure is emitted)
     * SKIPPING_TO_BLANK_LINE  blank line                → IDLE
     * X                an over-long line, LF not read   → X's DISCARDING_… state (client profile)
     * DISCARDING_…     the LF of that line              → the state it was discarded from
     * any              end of input (decodeLast)        → IDLE              (TRUNCATED unless IDLE or SKIPPING)
     * </pre>
     */
    private enum State {
        /** Between messages: the next line starts one, or is the banner or an extra blank line. */
        IDLE(false),
        /** Reading a message's header lines, up to its blank line. */
        HEADERS(true),
        /** An Asterisk ≤13 {@code Response: Follows} reply: its Privilege and ActionID headers. */
        FOLLOWS_HEADERS(true),
        /** The CLI text of a {@code Response: Follows} reply, up to {@code --END COMMAND--}. */
        FOLLOWS_BODY(true),
        /** An over-large message was reported; lines are thrown away up to the next blank line. */
        SKIPPING_TO_BLANK_LINE(false),
        // Client profile: the rest of an over-long line is being thrown away, up to its LF, in a state
        // the decoder returns to afterwards.
        DISCARDING_IN_HEADERS(HEADERS),
        DISCARDING_IN_FOLLOWS_HEADERS(FOLLOWS_HEADERS),
        DISCARDING_IN_FOLLOWS_BODY(FOLLOWS_BODY),
        DISCARDING_WHILE_SKIPPING(SKIPPING_TO_BLANK_LINE);

        /** A message has started (a header or a bad line was read since the last blank line). */
        final boolean inMessage;
        /** For a discarding state, the state the line is discarded in; null for the others. */
        final State afterDiscard;

        State(boolean inMessage) {
            this.inMessage = inMessage;
            this.afterDiscard = null;
        }

        State(State afterDiscard) {
            this.inMessage = afterDiscard.inMessage;
            this.afterDiscard = afterDiscard;
        }

        boolean discarding() {
            return afterDiscard != null;
        }

        /** The state that discards the rest of a line read in this one. */
        State discardingLine() {
            return switch (this) {
                case HEADERS -> DISCARDING_IN_HEADERS;
                case FOLLOWS_HEADERS -> DISCARDING_IN_FOLLOWS_HEADERS;
                case FOLLOWS_BODY -> DISCARDING_IN_FOLLOWS_BODY;
                case SKIPPING_TO_BLANK_LINE -> DISCARDING_WHILE_SKIPPING;
                // an over-long line starts a message first, and a discarding state has no whole line
                default -> throw new IllegalStateException("no line is discarded in " + this);
            };
        }

        /** The state after an over-large message was reported in this one. */
        State skippingToBlankLine() {
            return discarding() ? DISCARDING_WHILE_SKIPPING : SKIPPING_TO_BLANK_LINE;
        }
    }

    private final AmiDecoderConfig config;
    /** {@code config.isServer()}, asked on every line. */
    private final boolean server;

    private final HeaderLine line = new HeaderLine();
    /** The readable bytes copied out by {@link #decodeWholeLines}; grows to the largest read, at most {@link #WINDOW_BYTES}. */
    private byte[] window = new byte[0];
    /** Collects every message in turn; {@code build()} copies the headers out, so it can be reused. */
    private final HeaderBlock message = new HeaderBlock();

    private State state = State.IDLE;

    // The message being read: data emitted with it, reset when it ends.
    private int messageBytes;
    private AmiDecodeFailure.Reason failure;
    private String failureDetail;
    /** The CLI text of a {@code Response: Follows} reply; null for every other message. */
    private StringBuilder followsBody;

    /** A decoder for server→client bytes with the default client limits. */
    public AmiDecoder() {
        this(AmiDecoderConfig.client());
    }

    public AmiDecoder(AmiDecoderConfig config) {
        this.config = config;
        this.server = config.isServer();
    }

    public AmiDecoderConfig config() {
        return config;
    }

    /** Bytes held back for a line not yet complete; bounded by {@link AmiDecoderConfig#maxLineLength()}. */
    int bufferedBytes() {
        return actualReadableBytes();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // The state and the message being read carry across reads.
        while (in.isReadable()) {
            if (!state.discarding()) {
                decodeWholeLines(in, out);
                if (!in.isReadable()) {
                    return;
                }
            }
            if (!decodeLine(in, out)) {
                return;
            }
        }
    }

    /**
     * Decodes every whole line among the next {@link #WINDOW_BYTES} readable bytes from one copy of
     * them: one bulk copy out of the (usually direct) buffer, then each line is found and scanned
     * in the array with no ByteBuf call per line. What it cannot take — a line not complete yet,
     * over the line limit or running past the window — is left to {@link #decodeLine}.
     */
    private void decodeWholeLines(ByteBuf in, List<Object> out) {
        int base = in.readerIndex();
        int available = Math.min(in.readableBytes(), WINDOW_BYTES);
        if (window.length < available + HeaderLine.SLACK) {
            window = new byte[Math.min(Math.max(available, 2 * window.length), WINDOW_BYTES) + HeaderLine.SLACK];
        }
        byte[] bytes = window;
        in.getBytes(base, bytes, 0, available);
        int maxLine = config.maxLineLength();
        int at = 0;
        while (at < available) {
            int lf = line.scan(bytes, at, available - at > maxLine ? at + maxLine : available);
            if (lf < 0) {
                break;
            }
            processLine(lf + 1 - at, out);
            countMessageBytes(lf + 1 - at, out);
            at = lf + 1;
        }
        message.flush(); // the next read is copied over this one
        in.readerIndex(base + at);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        int leftover = in.readableBytes();
        if (leftover > 0 || state.inMessage || state.discarding()) {
            AmiMessage partial = state.inMessage ? message.build(null) : AmiMessage.empty();
            out.add(new AmiDecodeFailure(
                    AmiDecodeFailure.Reason.TRUNCATED,
                    "the connection closed in the middle of a message (" + leftover
                            + " bytes after the last complete line); the message was not processed",
                    partial));
            in.skipBytes(leftover);
            resetMessage();
        }
        state = State.IDLE;
    }

    /** Consumes one line if a whole one (or an over-long one) is buffered; false when more bytes are needed. */
    private boolean decodeLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (state.discarding()) {
            int lf = in.indexOf(start, start + readable, LF);
            int discard = lf < 0 ? readable : lf + 1 - start;
            in.skipBytes(discard);
            if (lf >= 0) {
                state = state.afterDiscard;
            }
            countMessageBytes(discard, out);
            return true;
        }
        int maxLine = config.maxLineLength();
        int lf = in.indexOf(start, start + Math.min(readable, maxLine), LF);
        if (lf < 0) {
            if (readable < maxLine) {
                return false;
            }
            discardLongLine(in, readable);
            countMessageBytes(readable - in.readableBytes(), out);
            return true;
        }
        line.load(in, start, lf + 1 - start);
        processLine(lf + 1 - start, out);
        message.flush(); // the line's array is reused for the next one
        in.readerIndex(lf + 1);
        countMessageBytes(lf + 1 - start, out);
        return true;
    }

    private void discardLongLine(ByteBuf in, int readable) {
        if (state != State.SKIPPING_TO_BLANK_LINE) {
            startMessage();
            recordFailure(
                    AmiDecodeFailure.Reason.LINE_TOO_LONG,
                    "Failed to parse message: line too long (a line" + " reached the limit of " + config.maxLineLength()
                            + " bytes and was discarded)");
        }
        if (server) {
            // Asterisk's get_input() drops a full buffer but keeps its last byte, in case it is the
            // CR of a CRLF: so a 1023-character line leaves "\r\n", an empty line (transcript 21).
            in.skipBytes(config.maxLineLength() - 1);
            return;
        }
        // Throw the line away up to its LF, which may already be buffered behind the limit.
        int lf = in.indexOf(in.readerIndex() + config.maxLineLength(), in.writerIndex(), LF);
        in.skipBytes(lf < 0 ? readable : lf + 1 - in.readerIndex());
        if (lf < 0) {
            state = state.discardingLine();
        }
    }

    /** Handles the line {@link #line} has scanned, {@code withLineEnd} bytes long with its CR LF or LF. */
    private void processLine(int withLineEnd, List<Object> out) {
        int length = line.length();
        State now = state;
        if (now == State.SKIPPING_TO_BLANK_LINE) {
            if (length == 0) {
                state = State.IDLE;
            }
            return;
        }
        if (now == State.FOLLOWS_HEADERS || now == State.FOLLOWS_BODY) {
            followsLine(withLineEnd);
            return;
        }
        if (length == 0) {
            endOfMessage(out);
            return;
        }
        if (line.hasNul) {
            startMessage();
            recordFailure(
                    AmiDecodeFailure.Reason.NUL_BYTE,
                    "a line contains a NUL byte and was discarded: '" + line.snippet() + "'");
            return;
        }
        if (now == State.IDLE && line.colon < 0 && !server) {
            String text = line.text(line.start, line.end, line.nameIsAscii);
            if (text != null && AmiBanner.isBanner(text)) {
                out.add(new AmiBanner(text));
                return;
            }
        }
        startMessage();
        if (line.colon <= line.start) {
            recordFailure(
                    AmiDecodeFailure.Reason.LINE_WITHOUT_COLON,
                    "a line has no 'Name: value' form and was" + " ignored: '" + line.snippet() + "'");
            return;
        }
        if (message.size() >= config.maxHeaders()) {
            recordFailure(
                    AmiDecodeFailure.Reason.TOO_MANY_HEADERS,
                    "Too many lines in message (more than " + config.maxHeaders()
                            + " headers); the extra headers were discarded");
            return;
        }
        addHeader(withLineEnd);
    }

    /**
     * Adds the header in {@link #line}, already checked to have a name and no NUL; {@code withLineEnd} is its
     * length with its CR LF or LF.
     */
    private void addHeader(int withLineEnd) {
        byte[] bytes = line.bytes;
        int colon = line.colon;
        int valueStart = colon + 1;
        int end = line.end;
        if (server) {
            // Asterisk skips every blank after the colon, and to its ast_skip_blanks() a blank is any
            // byte below 33: "Action:\r Ping" is a Ping (transcript 31). Trailing blanks stay.
            while (valueStart < end && isBlank(bytes[valueStart])) {
                valueStart++;
            }
        } else if (valueStart < end && bytes[valueStart] == ' ') {
            // A server writes "Name: value": exactly one space is syntax, the rest is value.
            valueStart++;
        }
        if (!line.nameIsAscii && !Utf8.isValid(bytes, line.start, colon)
                || !line.valueIsAscii && !Utf8.isValid(bytes, valueStart, end)) {
            recordFailure(
                    AmiDecodeFailure.Reason.INVALID_UTF8,
                    "a header is not valid UTF-8 and was discarded: '" + line.snippet() + "'");
            return;
        }
        message.add(bytes, line.start, valueStart, line.start + withLineEnd, line.nameIsAscii);
        if (state == State.HEADERS
                && followsBody == null
                && !server
                && message.size() == 1
                && isResponseName()
                && Arrays.equals(bytes, valueStart, end, FOLLOWS, 0, FOLLOWS.length)) {
            state = State.FOLLOWS_HEADERS;
            followsBody = new StringBuilder(256);
        }
    }

    /** Whether the name in {@link #line} is {@code Response}, as {@code equalsIgnoreCase} says. */
    private boolean isResponseName() {
        if (!line.nameIsAscii) {
            return AmiHeaders.RESPONSE.equalsIgnoreCase(line.text(line.start, line.colon, false));
        }
        if (line.colon - line.start != RESPONSE.length) {
            return false;
        }
        for (int i = 0; i < RESPONSE.length; i++) {
            int b = line.bytes[line.start + i];
            if (b != RESPONSE[i] && (b | 0x20) != (RESPONSE[i] | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Asterisk ≤13 Command output: {@code Response: Follows}, {@code Privilege}, {@code ActionID},
     * then raw CLI lines (bare LF) up to a line ending in {@code --END COMMAND--}.
     * {@code withLineEnd} is the length of the line in {@link #line} with its CR LF or LF, which
     * the body keeps.
     *
     * <p>A body line with a NUL or invalid UTF-8 is discarded and recorded like a bad header, and
     * the body is read on to its marker: the failure is emitted at the blank line after it, with
     * the headers and the rest of the body. The body is framed by the marker, not by blank lines
     * (the CLI text may hold some), so resynchronising at the next blank line would read the rest
     * of the CLI text as messages; the marker is ASCII, so a bad line cannot hide it.
     */
    private void followsLine(int withLineEnd) {
        int start = line.start;
        if (state == State.FOLLOWS_HEADERS) {
            String name = line.colon > start ? line.text(start, line.colon, line.nameIsAscii) : null;
            if (AmiHeaders.PRIVILEGE.equalsIgnoreCase(name) || AmiHeaders.ACTION_ID.equalsIgnoreCase(name)) {
                if (line.hasNul) {
                    recordFailure(
                            AmiDecodeFailure.Reason.NUL_BYTE,
                            "a line contains a NUL byte and was discarded: '" + line.snippet() + "'");
                } else {
                    addHeader(withLineEnd);
                }
                return;
            }
            state = State.FOLLOWS_BODY;
        }
        int textEnd = start + withLineEnd;
        if (endsWithEndCommand()) {
            textEnd = line.end - END_COMMAND.length;
            state = State.HEADERS; // the rest of the reply is read as headers, up to its blank line
        }
        if (line.hasNul) {
            recordFailure(
                    AmiDecodeFailure.Reason.NUL_BYTE,
                    "a line of the Follows body contains a NUL byte and was" + " discarded: '" + line.snippet() + "'");
            return;
        }
        String text = line.text(start, textEnd, line.nameIsAscii && line.valueIsAscii);
        if (text == null) {
            recordFailure(
                    AmiDecodeFailure.Reason.INVALID_UTF8,
                    "a line of the Follows body is not valid UTF-8 and" + " was discarded: '" + line.snippet() + "'");
            return;
        }
        followsBody.append(text);
    }

    /** Whether the content of {@link #line} ends in {@code --END COMMAND--}. */
    private boolean endsWithEndCommand() {
        int from = line.end - END_COMMAND.length;
        return from >= line.start && Arrays.equals(line.bytes, from, line.end, END_COMMAND, 0, END_COMMAND.length);
    }

    private void endOfMessage(List<Object> out) {
        if (state == State.IDLE) {
            // Extra blank lines: a client skips them; Asterisk answers each one
            // with "Missing action in request" (transcript 07), so the server profile reports it.
            if (server) {
                out.add(AmiMessage.empty());
            }
            return;
        }
        AmiMessage complete = message.build(followsBody == null ? null : followsBody.toString());
        out.add(failure == null ? complete : new AmiDecodeFailure(failure, failureDetail, complete));
        resetMessage();
        state = State.IDLE;
    }

    /** Counts a line's bytes (or an over-long line's discarded bytes) against the message limit. */
    private void countMessageBytes(int bytes, List<Object> out) {
        if (!state.inMessage) {
            return;
        }
        messageBytes += bytes;
        if (messageBytes > config.maxMessageBytes()) {
            out.add(new AmiDecodeFailure(
                    AmiDecodeFailure.Reason.MESSAGE_TOO_LARGE,
                    "a message exceeded the limit of " + config.maxMessageBytes()
                            + " bytes without a blank line; discarded up to the next blank line",
                    message.build(null)));
            resetMessage();
            state = state.skippingToBlankLine();
        }
    }

    /** A header or a bad line starts a message unless one has started. */
    private void startMessage() {
        if (state == State.IDLE) {
            message.clear();
            state = State.HEADERS;
            messageBytes = 0;
        }
    }

    /** Keeps the first problem of a message: later ones are usually its consequences. */
    private void recordFailure(AmiDecodeFailure.Reason reason, String detail) {
        if (failure == null) {
            failure = reason;
            failureDetail = detail;
        }
    }

    /** Clears the data of the message read; the caller sets the state that follows. */
    private void resetMessage() {
        messageBytes = 0;
        failure = null;
        failureDetail = null;
        followsBody = null;
    }

    /** A control character or a space, as {@code ast_skip_blanks} counts them (signed: bytes from 0x80 are not). */
    private static boolean isBlank(byte b) {
        return b >= 0 && b <= ' ';
    }
}
