package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;

/**
 * The Barge command (docs/driver.md §6, docs/ami.md §6.2): the source phone rings; when it answers it joins the destination's
 * call through {@code ChanSpy} with options {@code q} (no beep), {@code B} (barge: talk to both) and {@code E}
 * (end when the spied call ends). The destination must be in a call.
 */
public record Barge(String sourceExtension, String destinationExtension) {

    /** Throws INVALID_REQUEST naming the first missing or malformed parameter. */
    public void validate() {
        Commands.requireExtension("sourceExtension", sourceExtension);
        Commands.requireExtension("destinationExtension", destinationExtension);
        if (sourceExtension.equals(destinationExtension)) {
            throw new DriverException(
                    DriverException.Kind.INVALID_REQUEST, "sourceExtension and destinationExtension must differ");
        }
    }

    /** The trailing {@code -} makes ChanSpy match only channels of this endpoint, not 10001 for 1000. */
    AmiMessage toOriginate(String tech) {
        return AmiMessage.builder()
                .add("Action", "Originate")
                .add("Channel", tech + "/" + sourceExtension)
                .add("Application", "ChanSpy")
                .add("Data", tech + "/" + destinationExtension + "-,qBE")
                .add("Async", "true")
                .build();
    }
}
