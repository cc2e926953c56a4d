package io.ucmkit.ami.testing;

import io.ucmkit.ami.AmiBanner;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiFrame;
import io.ucmkit.ami.AmiMessage;

/**
 * One thing an {@link AmiTestClient} received: the frame {@link io.ucmkit.ami.AmiDecoder} made of it and
 * the exact text it was made from (UTF-8, line ends and blank line included), so a test can assert on
 * the decoded headers or on the bytes, whichever it is about.
 */
public record Received(AmiFrame frame, String wire) {

    /** The headers: the message itself, a failure's well-formed part, or none for the banner. */
    public AmiMessage message() {
        if (frame instanceof AmiMessage message) {
            return message;
        }
        if (frame instanceof AmiDecodeFailure failure) {
            return failure.partial();
        }
        return AmiMessage.empty();
    }

    public boolean isBanner() {
        return frame instanceof AmiBanner;
    }

    /** An event, or a failure whose well-formed part is one. */
    public boolean isEvent() {
        return message().isEvent();
    }

    public boolean isFailure() {
        return frame instanceof AmiDecodeFailure;
    }

    /** A message or a failure that is not an event: an answer to an action (or the server's complaint). */
    public boolean isAnswer() {
        return !isBanner() && !message().isEvent();
    }
}
