package io.ucmkit.bench.previous;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.ucmkit.ami.AmiBanner;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * <b>The previous codec, frozen:</b> {@code io.ucmkit.ami.AmiDecoder} as it was before the lazy message and the
 * one-pass decoder (commit 9fcb5c4), renamed, with what it needs ({@link PreviousHeaderLine},
 * {@link PreviousHeaderNameCache}, {@link PreviousAmiMessage}, {@link PreviousDecodeFailure}), so that
 * {@code ./ucmkit bench} measures the old and the new codec in one JVM run. Do not change it. Over 300 lines for
 * that reason: split or tidied, it would no longer be the codec whose numbers it stands for.
 *
 * <p>Frames AMI bytes into frames: {@link AmiBanner}, {@link PreviousAmiMessage} or
 * {@link PreviousDecodeFailure}. Lines end only at LF — CR LF or a bare LF, as Asterisk's
 * {@code get_input()} reads them; any other CR stays inside the line, in a name or a value
 * (transcript 31). A blank line ends a message. Every limit is a setting of {@link AmiDecoderConfig}.
 *
 * <p>Malformed input never throws and is never silently dropped: the message it belongs to is
 * emitted as an {@link PreviousDecodeFailure} with a reason and the well-formed headers read so far,
 * and decoding resumes after the next blank line (for a {@code Response: Follows} body, the one
 * after its {@code --END COMMAND--}). Memory is bounded by the line and message
 * limits whatever the peer sends.
 *
 * <p>Copy discipline: each read is copied once into an array (at most {@link #WINDOW_BYTES} at a
 * time) and its whole lines are found and scanned there, eight bytes at a time
 * ({@link PreviousHeaderLine}); a line the copy cannot take is read from the buffer on its own. Each
 * header then costs one String for its value (names come from a {@link PreviousHeaderNameCache}).
 * Memory is the line and message limits plus the window: at most 64 KiB, grown to the largest
 * read seen.
 */
public final class PreviousAmiDecoder extends ByteToMessageDecoder {

    private static final byte LF = '\n';
    private static final byte[] END_COMMAND = "--END COMMAND--".getBytes(StandardCharsets.US_ASCII);
    /** Most bytes copied out of a read at once (a socket read is at most 64 KiB by default). */
    private static final int WINDOW_BYTES = 64 * 1024;

    /** Where an Asterisk ≤13 {@code Response: Follows} reply is. */
    private enum Follows {
        NONE,
        HEADERS,
        BODY,
        DONE
    }

    private final AmiDecoderConfig config;
    private final PreviousHeaderNameCache names;
    private final PreviousHeaderLine line = new PreviousHeaderLine();
    /** The readable bytes copied out by {@link #decodeWholeLines}; grows to the largest read, at most {@link #WINDOW_BYTES}. */
    private byte[] window = new byte[0];
    /** Collects every message in turn; {@code build()} copies the headers out, so it can be reused. */
    private final PreviousAmiMessage.Builder reusableBuilder = PreviousAmiMessage.builder();

    private PreviousAmiMessage.Builder message;
    private int messageBytes;
    private AmiDecodeFailure.Reason failure;
    private String failureDetail;
    private Follows follows = Follows.NONE;
    private StringBuilder followsBody;
    /** Client profile: the rest of an over-long line is being thrown away. */
    private boolean discardingLine;
    /** An over-large message was reported; lines are thrown away up to the next blank line. */
    private boolean skippingToBlankLine;

    /** A decoder for server→client bytes with the default client limits. */
    public PreviousAmiDecoder() {
        this(AmiDecoderConfig.client());
    }

    public PreviousAmiDecoder(AmiDecoderConfig config) {
        this.config = config;
        this.names = new PreviousHeaderNameCache(
                isServer() ? PreviousHeaderNameCache.SERVER_SLOT_BITS : PreviousHeaderNameCache.CLIENT_SLOT_BITS);
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
        // The state fields carry a message across reads.
        while (in.isReadable()) {
            if (!discardingLine) {
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
        if (window.length < available + PreviousHeaderLine.SLACK) {
            window =
                    new byte[Math.min(Math.max(available, 2 * window.length), WINDOW_BYTES) + PreviousHeaderLine.SLACK];
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
            countAndCheckSize(lf + 1 - at, out);
            at = lf + 1;
        }
        in.readerIndex(base + at);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        int leftover = in.readableBytes();
        if (leftover > 0 || message != null || discardingLine) {
            PreviousAmiMessage partial = message != null ? message.build() : PreviousAmiMessage.empty();
            out.add(new PreviousDecodeFailure(
                    AmiDecodeFailure.Reason.TRUNCATED,
                    "the connection closed in the middle of a message (" + leftover
                            + " bytes after the last complete line); the message was not processed",
                    partial));
            in.skipBytes(leftover);
            resetMessage();
            discardingLine = false;
        }
        skippingToBlankLine = false;
    }

    /** Consumes one line if a whole one (or an over-long one) is buffered; false when more bytes are needed. */
    private boolean decodeLine(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (discardingLine) {
            int lf = in.indexOf(start, start + readable, LF);
            int discard = lf < 0 ? readable : lf + 1 - start;
            in.skipBytes(discard);
            discardingLine = lf < 0;
            return countAndCheckSize(discard, out);
        }
        int maxLine = config.maxLineLength();
        int lf = in.indexOf(start, start + Math.min(readable, maxLine), LF);
        if (lf < 0) {
            if (readable < maxLine) {
                return false;
            }
            discardLongLine(in, readable);
            return countAndCheckSize(readable - in.readableBytes(), out);
        }
        line.load(in, start, lf + 1 - start);
        processLine(lf + 1 - start, out);
        in.readerIndex(lf + 1);
        return countAndCheckSize(lf + 1 - start, out);
    }

    private void discardLongLine(ByteBuf in, int readable) {
        if (!skippingToBlankLine) {
            startMessage();
            recordFailure(
                    AmiDecodeFailure.Reason.LINE_TOO_LONG,
                    "Failed to parse message: line too long (a line" + " reached the limit of " + config.maxLineLength()
                            + " bytes and was discarded)");
        }
        if (isServer()) {
            // Asterisk's get_input() drops a full buffer but keeps its last byte, in case it is the
            // CR of a CRLF: so a 1023-character line leaves "\r\n", an empty line (transcript 21).
            in.skipBytes(config.maxLineLength() - 1);
            return;
        }
        // Throw the line away up to its LF, which may already be buffered behind the limit.
        int lf = in.indexOf(in.readerIndex() + config.maxLineLength(), in.writerIndex(), LF);
        in.skipBytes(lf < 0 ? readable : lf + 1 - in.readerIndex());
        discardingLine = lf < 0;
    }

    /** Handles the line {@link #line} has scanned, {@code withLineEnd} bytes long with its CR LF or LF. */
    private void processLine(int withLineEnd, List<Object> out) {
        int length = line.length();
        if (skippingToBlankLine) {
            skippingToBlankLine = length != 0;
            return;
        }
        if (follows == Follows.HEADERS || follows == Follows.BODY) {
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
        if (message == null && line.colon < 0 && !isServer()) {
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
        addHeader();
    }

    /** Adds the header in {@link #line}, already checked to have a name and no NUL. */
    private void addHeader() {
        byte[] bytes = line.bytes;
        int colon = line.colon;
        int valueStart = colon + 1;
        int end = line.end;
        if (isServer()) {
            // Asterisk skips every blank after the colon, and to its ast_skip_blanks() a blank is any
            // byte below 33: "Action:\r Ping" is a Ping (transcript 31). Trailing blanks stay.
            while (valueStart < end && isBlank(bytes[valueStart])) {
                valueStart++;
            }
        } else if (valueStart < end && bytes[valueStart] == ' ') {
            // A server writes "Name: value": exactly one space is syntax, the rest is value.
            valueStart++;
        }
        String name = line.nameIsAscii
                ? names.name(bytes, line.start, colon - line.start)
                : line.text(line.start, colon, false);
        String value = line.text(valueStart, end, line.valueIsAscii);
        if (name == null || value == null) {
            recordFailure(
                    AmiDecodeFailure.Reason.INVALID_UTF8,
                    "a header is not valid UTF-8 and was discarded: '" + line.snippet() + "'");
            return;
        }
        message.addTrusted(name, value);
        if (follows == Follows.NONE
                && !isServer()
                && message.size() == 1
                && AmiHeaders.RESPONSE.equalsIgnoreCase(name)
                && "Follows".equals(value)) {
            follows = Follows.HEADERS;
            followsBody = new StringBuilder(256);
        }
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
        if (follows == Follows.HEADERS) {
            String name = line.colon > start ? line.text(start, line.colon, line.nameIsAscii) : null;
            if (AmiHeaders.PRIVILEGE.equalsIgnoreCase(name) || AmiHeaders.ACTION_ID.equalsIgnoreCase(name)) {
                if (line.hasNul) {
                    recordFailure(
                            AmiDecodeFailure.Reason.NUL_BYTE,
                            "a line contains a NUL byte and was discarded: '" + line.snippet() + "'");
                } else {
                    addHeader();
                }
                return;
            }
            follows = Follows.BODY;
        }
        int textEnd = start + withLineEnd;
        if (endsWithEndCommand()) {
            textEnd = line.end - END_COMMAND.length;
            follows = Follows.DONE;
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
        if (message == null) {
            // Extra blank lines: a client skips them; Asterisk answers each one
            // with "Missing action in request" (transcript 07), so the server profile reports it.
            if (isServer()) {
                out.add(PreviousAmiMessage.empty());
            }
            return;
        }
        if (followsBody != null) {
            message.followsBody(followsBody.toString());
        }
        PreviousAmiMessage complete = message.build();
        out.add(failure == null ? complete : new PreviousDecodeFailure(failure, failureDetail, complete));
        resetMessage();
    }

    private boolean countAndCheckSize(int bytes, List<Object> out) {
        if (message == null) {
            return true;
        }
        messageBytes += bytes;
        if (messageBytes > config.maxMessageBytes()) {
            out.add(new PreviousDecodeFailure(
                    AmiDecodeFailure.Reason.MESSAGE_TOO_LARGE,
                    "a message exceeded the limit of " + config.maxMessageBytes()
                            + " bytes without a blank line; discarded up to the next blank line",
                    message.build()));
            resetMessage();
            skippingToBlankLine = true;
        }
        return true;
    }

    private void startMessage() {
        if (message == null) {
            message = reusableBuilder.clear();
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

    private void resetMessage() {
        message = null;
        messageBytes = 0;
        failure = null;
        failureDetail = null;
        follows = Follows.NONE;
        followsBody = null;
    }

    private boolean isServer() {
        return config.profile() == AmiDecoderConfig.Profile.SERVER;
    }

    /** A control character or a space, as {@code ast_skip_blanks} counts them (signed: bytes from 0x80 are not). */
    private static boolean isBlank(byte b) {
        return b >= 0 && b <= ' ';
    }
}
