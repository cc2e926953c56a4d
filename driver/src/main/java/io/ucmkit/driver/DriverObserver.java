package io.ucmkit.driver;

import java.time.Duration;

/**
 * What the driver reports as it runs, for an operator's metrics (the driver service binds it to
 * Micrometer; the library itself depends on no metrics library). Every method has a no-op default,
 * so an implementation overrides only what it counts.
 *
 * <p>Methods are called on the driver's event loop or on action-completion threads: they must be
 * quick and must not block or throw.
 */
public interface DriverObserver {

    /** Observes nothing. */
    DriverObserver NONE = new DriverObserver() {};

    /** How one Login attempt ended. */
    enum LoginOutcome {
        /** The PBX answered {@code Response: Success}. */
        ACCEPTED,
        /** The PBX refused the credentials ({@code Authentication failed}) or the source address. */
        REFUSED,
        /** No answer: the connection failed or timed out before the PBX answered. */
        FAILED
    }

    /** How one action sent to the PBX ended. */
    enum ActionOutcome {
        SUCCESS,
        ERROR,
        TIMEOUT,
        DISCONNECTED
    }

    /** A TCP connection to the PBX was opened (first connect and every reconnect). */
    default void connected() {}

    /** The connection to the PBX was lost or closed; {@code reason} is in an operator's words. */
    default void disconnected(String reason) {}

    default void login(LoginOutcome outcome) {}

    /** An action's response arrived (or did not); {@code action} is the AMI action name. */
    default void action(String action, ActionOutcome outcome, Duration latency) {}

    /** One AMI event was received from the PBX. */
    default void eventReceived() {}

    /** One driver event was delivered to subscribers. */
    default void eventDelivered() {}

    /** One event could not be delivered (a slow subscriber's queue was full); counted, never silent. */
    default void eventDropped(String reason) {}

    /** A message from the PBX could not be decoded or made no sense; it was logged (masked) and skipped. */
    default void malformedMessage(String reason) {}

    /** The System Asset's displayed state changed (Normal, Masked, Fault, Acknowledged, No Communication). */
    default void assetState(String state) {}
}
