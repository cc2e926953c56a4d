package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;

/**
 * The Call Phone command (docs/driver.md §6): the source phone rings first; when it answers, the destination rings showing
 * {@code line1Text} / {@code line2Text} as caller-ID name / number.
 *
 * @param sourceExtension      numeric extension that rings first
 * @param destinationExtension numeric extension (or IVR number) dialled when the source answers
 * @param line1Text            caller-ID name shown at the destination
 * @param line2Text            caller-ID <em>number</em> shown at the destination. Asterisk shrinks it: spaces,
 *                             {@code -}, {@code (} and {@code )} are removed, so {@code "Door 3"} shows as
 *                             {@code Door3} (docs/ami.md §3.1, transcript 09)
 */
public record CallPhone(String sourceExtension, String destinationExtension, String line1Text, String line2Text) {

    /** Throws INVALID_REQUEST naming the first missing or malformed parameter. */
    public void validate() {
        Commands.requireExtension("sourceExtension", sourceExtension);
        Commands.requireExtension("destinationExtension", destinationExtension);
        Commands.requireText("line1Text", line1Text, "\"<>");
        Commands.requireText("line2Text", line2Text, "\"<>");
    }

    /** {@code Originate} exactly as docs/driver.md §6 shows it (Async always: a sync Originate blocks the session, docs/ami.md §7.8). */
    AmiMessage toOriginate(String tech, String context) {
        return AmiMessage.builder()
                .add("Action", "Originate")
                .add("Channel", tech + "/" + sourceExtension)
                .add("Context", context)
                .add("Exten", destinationExtension)
                .add("Priority", "1")
                .add("CallerID", "\"" + line1Text + "\" <" + line2Text + ">")
                .add("Async", "true")
                .build();
    }
}
