package io.ucmkit.ami;

import java.util.Objects;

/**
 * Input the decoder could not take as a well-formed message. It is reported as a value, never
 * thrown: the decoder has already resynchronised (at the next blank line) when this is emitted,
 * and the handler after it decides whether to answer, log or close.
 *
 * @param reason  what was wrong
 * @param detail  a sentence for a log or an error reply, saying what was wrong and the limit
 * @param partial the well-formed headers read from the same message, in wire order (possibly
 *                none). A server uses it as Asterisk does: e.g. the ActionID of a message whose
 *                line was too long is echoed in the error reply (transcript 21).
 */
public record AmiDecodeFailure(Reason reason, String detail, AmiMessage partial) implements AmiFrame {

    public AmiDecodeFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(partial, "partial");
    }

    /** Why a message failed. */
    public enum Reason {
        /** A non-empty line with no {@code :} (or nothing before it). Asterisk itself ignores such lines. */
        LINE_WITHOUT_COLON,
        /** A line longer than {@link AmiDecoderConfig#maxLineLength()}; its bytes were discarded. */
        LINE_TOO_LONG,
        /** More headers than {@link AmiDecoderConfig#maxHeaders()}; the extra ones were discarded. */
        TOO_MANY_HEADERS,
        /** More bytes than {@link AmiDecoderConfig#maxMessageBytes()} before the blank line. */
        MESSAGE_TOO_LARGE,
        /** A NUL byte inside a line (a header or a line of a Follows body); the line was discarded. */
        NUL_BYTE,
        /** A header or a line of a Follows body whose bytes are not valid UTF-8; the line was discarded. */
        INVALID_UTF8,
        /** The connection ended in the middle of a message. */
        TRUNCATED
    }

    @Override
    public String toString() {
        return "AmiDecodeFailure[" + reason + ": " + detail + ", partial=" + partial + "]";
    }
}
