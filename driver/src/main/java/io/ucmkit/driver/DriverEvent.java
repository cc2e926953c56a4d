package io.ucmkit.driver;

import java.time.Instant;
import java.util.Map;

/**
 * What the driver reports to an integration (docs/driver.md §7). Derived from the AMI event stream by one
 * translator, from the asset, or from an operator's Workflow Trigger. {@link #type()} is the name used on the
 * dataserver's event stream.
 */
public sealed interface DriverEvent {

    /** When the driver produced the event. */
    Instant time();

    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Call Status. {@code Accepted}: an extension answered a call (any call the PBX reports). {@code Declined}:
     * a Call Phone call was rejected, busy, not answered or unavailable at {@code extension}; {@code reason} is
     * one of {@code rejected}, {@code busy}, {@code no-answer}, {@code unavailable}, or {@code unknown}: the call
     * ended while the connection to the PBX was down, so its outcome was not observed (it may even have been
     * answered; treat it as not confirmed). {@code callId} is the Call Phone id when the call was started by Call
     * Phone, else null.
     */
    record CallStatus(String extension, Status status, String reason, String callId, Instant time)
            implements DriverEvent {
        public enum Status {
            Accepted,
            Declined
        }
    }

    /** IVR Response: {@code digit} pressed at {@code extension} on a call with an IVR or a Call Phone call. */
    record IvrResponse(String extension, String digit, String callId, Instant time) implements DriverEvent {}

    /**
     * Presence of an extension: {@code status} is a UCM status in lower case ({@code available}, {@code away},
     * {@code chat}, {@code dnd}, {@code custom}, {@code unavailable}; Asterisk-only values such as {@code xa}
     * or {@code not_set} pass through); {@code text} is the custom/presence message, possibly empty.
     */
    record Presence(String extension, String status, String text, Instant time) implements DriverEvent {}

    /** Hint state of an extension changed ({@code StatusText} of docs/ami.md §3.6: Idle, InUse, Ringing, …). */
    record ExtensionState(String extension, String status, Instant time) implements DriverEvent {}

    /**
     * The System Asset changed: displayed state (which includes the operator overlay Masked/Acknowledged) and
     * true state, before and after, with the reason of the true state.
     */
    record AssetState(
            String oldState, String newState, String oldTrueState, String trueState, String reason, Instant time)
            implements DriverEvent {}

    /** An operator's Workflow Trigger. */
    record WorkflowTrigger(String name, Map<String, String> parameters, Instant time) implements DriverEvent {
        public WorkflowTrigger {
            parameters = Map.copyOf(parameters);
        }
    }
}
