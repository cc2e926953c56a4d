package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import io.ucmkit.driver.DriverEvent.CallStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the channels of each Call Phone call and decides whether it was Declined. Not thread-safe: used under the
 * translator's lock. Over 300 lines for a reason: the binding of legs and the Declined rules read and write the same
 * {@link PhoneCall} state, and about a third of the lines are the comments that quote the transcripts each rule
 * reproduces.
 *
 * <ul>
 * <li>Which channels belong to a Call Phone call: the originated leg is the first {@code Newchannel} of the
 *     source extension in state Down after the Originate (created with the endpoint's own caller ID and
 *     {@code Exten: s}; its {@code DialBegin} has no caller: transcripts 40-43), confirmed by the
 *     OriginateResponse's {@code Uniqueid}; every later leg has that uniqueid as Linkedid.</li>
 * <li>Declined (Call Phone only), at most once per call, decided from the leg that was dialled, never from the
 *     order events arrive in: a leg whose {@code DialEnd} says BUSY / NOANSWER / CHANUNAVAIL / CONGESTION is
 *     Declined at that leg's extension when the leg hangs up (app_dial and the Originate's dial publish the
 *     DialEnd before they hang the leg up: 41, 42a, 43), by the leg's hangup cause where the cause says why
 *     ({@link DeclineReasons#ofCause}) and by its DialStatus where it does not (a ring timeout: NOANSWER, Cause 0,
 *     transcript 42b). The cause wins because chan_pjsip turns a SIP 603 into cause 21 but Asterisk's
 *     {@code ast_hangup_cause_to_dial_status} turns 21 into NOANSWER. {@code OriginateResponse Failure} decides
 *     only when the source leg never had a channel or ended without saying why ({@link DeclineReasons#ofOriginate});
 *     on a real PBX it comes before or after the leg's DialEnd/Hangup (transcript 43). A destination that never got
 *     a channel (no DialBegin: Dial to an endpoint without contact, transcript 42c) is Declined from the {@code
 *     Cause} of the answered source leg's Hangup. After a reconnect, a call whose outcome had not been seen and of
 *     which CoreShowChannels shows no channel any more is Declined {@code unknown}.</li>
 * </ul>
 */
final class CallPhoneCorrelator {

    private static final Logger log = LoggerFactory.getLogger(CallPhoneCorrelator.class);

    static final int MAX_TRACKED_CALLS = 10_000;

    /** A dialled leg of a Call Phone call that did not answer, Declined once the leg has hung up. */
    private record Refusal(PhoneCall call, String extension, String dialStatus) {}

    private final Clock clock;
    private final ChannelTracker channels;
    private final List<PhoneCall> unbound = new ArrayList<>();
    private final Map<String, PhoneCall> byActionId = new LinkedHashMap<>();
    private final Map<String, PhoneCall> byUniqueid = new HashMap<>();
    /** By the uniqueid of the dialled leg that did not answer. */
    private final Map<String, Refusal> refusals = new HashMap<>();
    /** By uniqueid: the HangupRequest's cause, for a Hangup that does not say why. */
    private final Map<String, Integer> requestedCauses = new HashMap<>();

    CallPhoneCorrelator(Clock clock, ChannelTracker channels) {
        this.clock = clock;
        this.channels = channels;
    }

    /**
     * Registers a Call Phone call before its Originate is written. At most {@link #MAX_TRACKED_CALLS} calls are
     * tracked: if the PBX never reports on the oldest (events not readable by this user), it is forgotten.
     */
    void expect(String actionId, String callId, String source, String destination) {
        PhoneCall call = new PhoneCall(callId, actionId, source, destination);
        unbound.add(call);
        byActionId.put(actionId, call);
        if (byActionId.size() > MAX_TRACKED_CALLS) {
            forget(byActionId.keySet().iterator().next());
        }
    }

    /** The Originate was refused or never sent, or the call is over: forget the call. */
    void forget(String actionId) {
        PhoneCall call = byActionId.remove(actionId);
        if (call != null) {
            unbound.remove(call);
            refusals.values().removeIf(refused -> refused.call() == call);
            if (call.uniqueid != null) {
                byUniqueid.remove(call.uniqueid);
            }
        }
    }

    /** Cancel: drop every pending Call Phone confirmation (no Declined will be reported for them). */
    void forgetAll() {
        unbound.clear();
        byActionId.clear();
        byUniqueid.clear();
        refusals.clear();
        requestedCauses.clear();
    }

    /** The Call Phone call id of the call a channel belongs to, or null. */
    String callIdOf(String uniqueid, String linkedid) {
        PhoneCall call = callOf(uniqueid, linkedid);
        return call == null ? null : call.callId;
    }

    /** A {@code Newchannel}: the first one in state Down at a waiting call's source is that call's originated leg. */
    void newChannel(String channel, ChannelState state, String uniqueid) {
        if (state != ChannelState.DOWN) {
            return;
        }
        String ext = Channels.extension(channel);
        for (PhoneCall call : unbound) {
            if (call.source.equals(ext)) {
                unbound.remove(call);
                bind(call, uniqueid);
                return;
            }
        }
    }

    /**
     * A leg at {@code extension} answered (the first time): notes which side of its Call Phone call it is, if any.
     * Returns that call's id, or null.
     */
    String answered(String extension, String uniqueid, String linkedid) {
        PhoneCall call = callOf(uniqueid, linkedid);
        if (call == null) {
            return null;
        }
        if (extension.equals(call.source)) {
            call.sourceAnswered = true;
        } else {
            call.destinationAnswered = true;
        }
        return call.callId;
    }

    /** A {@code DialBegin} from the source leg: the destination got a channel. */
    void dialBegin(String callerUniqueid) {
        PhoneCall call = callerUniqueid == null ? null : byUniqueid.get(callerUniqueid);
        if (call != null && callerUniqueid.equals(call.uniqueid)) {
            call.destinationDialled = true;
        }
    }

    /**
     * A dialled leg did not answer ({@code DialEnd} other than ANSWER): it is Declined when it hangs up
     * ({@link #legHungUp}), where its cause is known. CANCEL (the caller gave up) and ABORT/CONTINUE/GOTO are no
     * refusal by the callee.
     */
    void notAnswered(AmiMessage dialEnd, String status) {
        String destUniqueid = dialEnd.get("DestUniqueid");
        PhoneCall call = callOf(dialEnd.get("Uniqueid"), dialEnd.get("DestLinkedid"));
        if (call == null) {
            call = callOf(destUniqueid, dialEnd.get("Linkedid"));
        }
        if (call != null && destUniqueid != null && DeclineReasons.ofDialStatus(status) != null) {
            refusals.put(destUniqueid, new Refusal(call, Channels.extension(dialEnd.get("DestChannel")), status));
        }
    }

    /**
     * Keeps a HangupRequest's Cause for the leg's Hangup: chan_pjsip queues the hangup with the cause of the SIP
     * answer (HangupRequest Cause 17 before DialEnd BUSY in 41, 42a, 43), a cause the Hangup may not carry.
     */
    void hangupRequest(AmiMessage m) {
        String uniqueid = m.get("Uniqueid");
        int cause = DeclineReasons.causeOf(m.get("Cause"));
        if (uniqueid != null && cause > 0 && callOf(uniqueid, m.get("Linkedid")) != null) {
            requestedCauses.put(uniqueid, cause);
        }
    }

    /**
     * {@code Failure} decides only when the source leg cannot: Reason 0 is what a real PBX sends both for an
     * endpoint without contact and no channel at all (transcript 42d) and for a PJSIP phone that rang and rejected
     * the call (transcript 43: DialEnd BUSY, Hangup Cause 17, Reason 0), so a source leg that was seen decides
     * itself when it hangs up, whichever comes first.
     */
    void originateResponse(List<DriverEvent> out, AmiMessage m) {
        PhoneCall call = byActionId.get(m.actionId());
        if (call == null) {
            return; // another client's Originate, or not a Call Phone (surprise 11)
        }
        call.responded = true;
        if ("Success".equalsIgnoreCase(m.get("Response"))) {
            unbound.remove(call);
            bind(call, m.get("Uniqueid"));
            if (call.sourceLegEnded && !channels.hasLinked(call.uniqueid)) {
                forget(call.actionId); // came after the call's last Hangup (seen in 42c's order swapped)
            }
            return;
        }
        call.originateFailure = DeclineReasons.ofOriginate(m.get("Reason", "0"));
        if (call.uniqueid == null || call.sourceLegEnded) {
            declined(out, call, call.source, call.originateFailure);
            forget(call.actionId);
        }
    }

    /**
     * A leg of a Call Phone call hung up. A dialled leg that did not answer is Declined at its extension
     * ({@link DeclineReasons#refusal}). The source leg that ended before it answered is Declined at the source by its
     * cause, else by the OriginateResponse Failure (the timeout of the Originate itself ends the leg with Cause 0 and
     * no DialEnd; its Reason 3 says no-answer), which is awaited if it has not come yet. The answered source leg
     * ending when the destination never got a channel says why the destination could not be reached: app_dial gives
     * the caller the cause of the failed request (3 No route to destination for an endpoint without contact,
     * transcript 42c).
     */
    void legHungUp(List<DriverEvent> out, AmiMessage m) {
        String uniqueid = m.get("Uniqueid");
        if (uniqueid == null) {
            return;
        }
        Integer requested = requestedCauses.remove(uniqueid);
        int cause = DeclineReasons.causeOf(m.get("Cause"));
        if (DeclineReasons.ofCause(cause) == null && requested != null) {
            cause = requested;
        }
        Refusal refused = refusals.remove(uniqueid);
        if (refused != null) {
            declined(out, refused.call(), refused.extension(), DeclineReasons.refusal(cause, refused.dialStatus()));
        }
        PhoneCall call = byUniqueid.get(uniqueid);
        if (call == null || !uniqueid.equals(call.uniqueid)) {
            return;
        }
        call.sourceLegEnded = true;
        String causeReason = DeclineReasons.ofCause(cause);
        if (!call.sourceAnswered) {
            String reason = causeReason != null ? causeReason : call.originateFailure;
            if (reason != null) {
                declined(out, call, call.source, reason);
            }
        } else if (!call.destinationAnswered && !call.destinationDialled && causeReason != null) {
            declined(out, call, call.destination, causeReason);
        }
    }

    /** The last channel of the call {@code linkedid} hung up: a call already answered for is forgotten. */
    void callEnded(String linkedid) {
        PhoneCall call = byUniqueid.get(linkedid);
        if (call != null && (call.responded || call.declined)) { // a later OriginateResponse has nothing to add
            byUniqueid.remove(linkedid);
            byActionId.remove(call.actionId);
        }
    }

    /**
     * After a reconnect, once the channels are replaced by the PBX's list: reports what ended while the connection
     * was down.
     */
    void endedWhileAway(List<DriverEvent> out) {
        refusalsEndedWhileAway(out);
        callsEndedWhileAway(out);
    }

    /** A refused leg that hung up while the connection was down: its DialEnd was seen, so its reason is known. */
    private void refusalsEndedWhileAway(List<DriverEvent> out) {
        var live = channels.liveUniqueids();
        for (var r : List.copyOf(refusals.entrySet())) {
            if (!live.contains(r.getKey())) {
                refusals.remove(r.getKey());
                Refusal refused = r.getValue();
                declined(
                        out,
                        refused.call(),
                        refused.extension(),
                        DeclineReasons.refusal(requestedCauses.getOrDefault(r.getKey(), -1), refused.dialStatus()));
            }
        }
        requestedCauses.keySet().retainAll(live);
    }

    /**
     * Call Phone calls of which no channel is left: they ended while the connection was down, and the events that
     * said how are lost (Asterisk does not replay them). One whose outcome had not been reported yet is Declined
     * {@code unknown} — an integration waiting for the call's outcome learns it will not come and can act (call
     * again, escalate); nothing is re-originated. Where it stood decides the extension: the source while the source
     * had not answered, else the destination. A call that still has a channel is tracked on as before; one not yet
     * bound to a channel counts as live while its source has any channel, as its OriginateResponse may still come.
     */
    private void callsEndedWhileAway(List<DriverEvent> out) {
        for (PhoneCall call : List.copyOf(byActionId.values())) {
            boolean live = call.uniqueid != null ? channels.hasCall(call.uniqueid) : channels.hasChannelOf(call.source);
            if (live) {
                continue;
            }
            if (!call.declined && !call.destinationAnswered) {
                String extension = call.sourceAnswered ? call.destination : call.source;
                log.warn(
                        "Call Phone call {} ({} -> {}) ended while the connection to the PBX was down: its outcome "
                                + "was not observed; reported as Declined 'unknown' at {}",
                        call.callId,
                        call.source,
                        call.destination,
                        extension);
                declined(out, call, extension, "unknown");
            }
            forget(call.actionId);
        }
    }

    private void bind(PhoneCall call, String uniqueid) {
        if (uniqueid == null || uniqueid.startsWith("<")) {
            return;
        }
        if (call.uniqueid != null && !call.uniqueid.equals(uniqueid)) {
            byUniqueid.remove(call.uniqueid);
        }
        call.uniqueid = uniqueid;
        byUniqueid.put(uniqueid, call);
    }

    private PhoneCall callOf(String uniqueid, String linkedid) {
        PhoneCall call = uniqueid == null ? null : byUniqueid.get(uniqueid);
        if (call == null && linkedid != null) {
            call = byUniqueid.get(linkedid);
        }
        return call;
    }

    private void declined(List<DriverEvent> out, PhoneCall call, String extension, String reason) {
        if (call.declined) {
            return;
        }
        call.declined = true;
        out.add(new CallStatus(extension, CallStatus.Status.Declined, reason, call.callId, clock.instant()));
    }
}
