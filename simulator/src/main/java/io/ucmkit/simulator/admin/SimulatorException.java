package io.ucmkit.simulator.admin;

import java.util.Objects;

/**
 * The one error the simulator's admin operations raise: what went wrong as a {@link Kind}, and a
 * message that names the extension or field and says what would be accepted. The control API maps
 * the kind to an HTTP status; nothing below it knows about HTTP.
 */
public final class SimulatorException extends RuntimeException {

    /** What kind of request failed. */
    public enum Kind {
        /** The extension named is not in the PBX's configuration. */
        UNKNOWN_EXTENSION,
        /** The extension exists but there is nothing to act on: no ringing call to answer, no call to hang up. */
        NOTHING_TO_ACT_ON,
        /** A value is outside what the operation accepts; the message names the field and what is allowed. */
        INVALID_VALUE
    }

    private final Kind kind;

    public SimulatorException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    public static SimulatorException unknownExtension(String extension) {
        return new SimulatorException(Kind.UNKNOWN_EXTENSION, "no extension " + extension);
    }

    public static SimulatorException nothingToActOn(String message) {
        return new SimulatorException(Kind.NOTHING_TO_ACT_ON, message);
    }

    public static SimulatorException invalidValue(String message) {
        return new SimulatorException(Kind.INVALID_VALUE, message);
    }
}
