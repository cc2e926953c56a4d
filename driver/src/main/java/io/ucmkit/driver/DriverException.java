package io.ucmkit.driver;

/**
 * Why a driver operation failed, as a {@link Kind} an integration can branch on and a message an operator
 * can read. Futures returned by the driver complete exceptionally with this type.
 */
public final class DriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The failure classes; the service maps each to one HTTP status. */
    public enum Kind {
        /** The asset is No Communication: the command was rejected at once and never queued (HTTP 503). */
        NOT_CONNECTED,
        /** The PBX did not answer within the action's deadline (HTTP 504). */
        TIMEOUT,
        /** The connection dropped while the action was pending; it was not resent (HTTP 503). */
        CONNECTION_LOST,
        /** Login refused: wrong username/secret or IP not permitted (docs/ami.md §2.4). */
        LOGIN_REFUSED,
        /** The PBX answered {@code Response: Error}; the message is Asterisk's (HTTP 502). */
        ACTION_FAILED,
        /** A parameter is missing or malformed; the message names it (HTTP 400). */
        INVALID_REQUEST,
        /** The extension is not known to the PBX (HTTP 404). */
        UNKNOWN_EXTENSION,
        /** The command does not apply in the current state, e.g. Barge of an idle phone (HTTP 409). */
        CONFLICT
    }

    private final Kind kind;

    public DriverException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Unwraps {@code CompletionException}/{@code ExecutionException} layers to a DriverException, if any. */
    public static DriverException unwrap(Throwable t) {
        Throwable cur = t;
        while (cur != null) {
            if (cur instanceof DriverException d) {
                return d;
            }
            cur = cur.getCause();
        }
        return null;
    }
}
