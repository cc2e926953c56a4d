package io.ucmkit.driver;

/**
 * One Call Phone call as the {@link CallPhoneCorrelator} follows it, from its registration before the Originate
 * is written until its outcome is known and its channels are gone. Mutable, confined to the correlator.
 */
final class PhoneCall {
    final String callId;
    final String actionId;
    final String source;
    final String destination;
    /** The originated (source) leg's uniqueid, once known: the Linkedid of every later leg. */
    String uniqueid;

    boolean declined;
    boolean sourceAnswered;
    boolean destinationAnswered;
    boolean responded; // OriginateResponse seen: until then the call may still be Declined by it
    boolean destinationDialled; // a DialBegin from the source leg: the destination got a channel
    boolean sourceLegEnded;
    String originateFailure; // the Failure's Reason as a reason, used only if the source leg does not say why

    PhoneCall(String callId, String actionId, String source, String destination) {
        this.callId = callId;
        this.actionId = actionId;
        this.source = source;
        this.destination = destination;
    }
}
