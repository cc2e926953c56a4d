package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import io.ucmkit.driver.DriverEvent.CallStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the AMI event stream into Call Status, IVR Response, Presence and ExtensionState events. One instance per
 * driver, fed every event in wire order; synchronized because commands register Call Phone calls from other
 * threads (always before their Originate is written, so the call's events find the registration).
 *
 * <p>How each event is derived, with the wire facts it relies on:
 * <ul>
 * <li>Accepted: a leg the PBX dialled went Up — {@code DialEnd} {@code DialStatus: ANSWER} for its
 *     {@code DestChannel}, or {@code Newstate} Up of a channel last seen Down or Ringing (an outbound leg; a
 *     caller's own leg starts in Ring: 1004 dialling the IVR in transcript 44, 1002 dialling *561001 in 46).
 *     Once per leg: the two halves of a Local channel are one leg (transcript 09).</li>
 * <li>Declined (Call Phone only), at most once per call, decided from the leg that was dialled, never from the
 *     order events arrive in: a leg whose {@code DialEnd} says BUSY / NOANSWER / CHANUNAVAIL / CONGESTION is
 *     Declined at that leg's extension when the leg hangs up (app_dial and the Originate's dial publish the
 *     DialEnd before they hang the leg up: 41, 42a, 43), by the leg's hangup cause where the cause says why
 *     ({@link #reasonOfCause}) and by its DialStatus where it does not (a ring timeout: NOANSWER, Cause 0,
 *     transcript 42b). The cause wins because chan_pjsip turns a SIP 603 into cause 21 but Asterisk's
 *     {@code ast_hangup_cause_to_dial_status} turns 21 into NOANSWER. {@code OriginateResponse Failure} decides
 *     only when the source leg never had a channel or ended without saying why ({@link #reasonOfOriginate}); on
 *     a real PBX it comes before or after the leg's DialEnd/Hangup (transcript 43). A destination that never got a
 *     channel (no DialBegin: Dial to an endpoint without contact, transcript 42c) is Declined from the {@code
 *     Cause} of the answered source leg's Hangup. After a reconnect, a call whose outcome had not been seen and of
 *     which CoreShowChannels shows no channel any more is Declined {@code unknown}.</li>
 * <li>Which channels belong to a Call Phone call: the originated leg is the first {@code Newchannel} of the
 *     source extension in state Down after the Originate (created with the endpoint's own caller ID and
 *     {@code Exten: s}; its {@code DialBegin} has no caller: transcripts 40-43), confirmed by the
 *     OriginateResponse's {@code Uniqueid}; every later leg has that uniqueid as Linkedid.</li>
 * <li>IVR Response: {@code DTMFEnd} with {@code Direction: Received} (DTMFBegin can repeat, transcript 09 /
 *     surprise 16) on a call whose Linkedid has been at an IVR number, or on a Call Phone call.</li>
 * <li>Presence: {@code PresenceStateChange} and the hint-based {@code PresenceStatus} (both arrive for one
 *     change, surprise 14) update one map; an event is emitted only when the value changes. A {@code Subtype}
 *     of {@code custom} is the UCM Custom status (AMI.md §5.3).</li>
 * </ul>
 */
final class EventTranslator {

    private static final Logger log = LoggerFactory.getLogger(EventTranslator.class);

    private static final class PhoneCall {
        final String callId;
        final String actionId;
        final String source;
        final String destination;
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

    /** A dialled leg of a Call Phone call that did not answer, Declined once the leg has hung up. */
    private record Refusal(PhoneCall call, String extension, String dialStatus) {}

    static final int MAX_TRACKED_CALLS = 10_000;

    /**
     * At most this many live channels, answered legs, IVR calls, presentities and extension states
     * are remembered: all are keyed by names the PBX sends, so a PBX that reports channels without
     * ever hanging them up (or a flood of made-up names) must not grow them without end. A UCM6510
     * carries a few hundred calls; past the bound a new name is not remembered (its events still
     * pass), counted in {@link #untracked()} and warned about at 1, 2, 4, 8… times.
     */
    static final int MAX_TRACKED_NAMES = 20_000;

    private final DriverConfig config;
    private final Clock clock;
    private final LiveChannels channels = new LiveChannels();
    private final Set<String> answeredLegs = new HashSet<>();
    private final Set<String> ivrCalls = new HashSet<>();
    private final List<PhoneCall> unbound = new ArrayList<>();
    private final Map<String, PhoneCall> byActionId = new java.util.LinkedHashMap<>();
    private final Map<String, PhoneCall> byUniqueid = new HashMap<>();
    private final Map<String, Refusal> refusals = new HashMap<>();
    private final Map<String, Integer> requestedCauses = new HashMap<>();
    private final Map<String, String> presence = new HashMap<>();
    private final Map<String, String> extensionStates = new HashMap<>();
    private long untracked;
    /** What {@link #translate} emits, reused: most events emit nothing, and a copy is returned when one does. */
    private final List<DriverEvent> emitted = new ArrayList<>(2);

    EventTranslator(DriverConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers a Call Phone call before its Originate is written. At most {@link #MAX_TRACKED_CALLS} calls are
     * tracked: if the PBX never reports on the oldest (events not readable by this user), it is forgotten.
     */
    synchronized void expectCallPhone(String actionId, String callId, String source, String destination) {
        PhoneCall call = new PhoneCall(callId, actionId, source, destination);
        unbound.add(call);
        byActionId.put(actionId, call);
        if (byActionId.size() > MAX_TRACKED_CALLS) {
            forgetCallPhone(byActionId.keySet().iterator().next());
        }
    }

    /** The Originate was refused or never sent: forget the call. */
    synchronized void forgetCallPhone(String actionId) {
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
    synchronized void dropPendingConfirmations() {
        unbound.clear();
        byActionId.clear();
        byUniqueid.clear();
        refusals.clear();
        requestedCauses.clear();
    }

    /** Extensions with a hint, from the last ExtensionStateList; empty when unknown. */
    synchronized Set<String> knownExtensions() {
        return Set.copyOf(extensionStates.keySet());
    }

    /** Whether a channel of {@code tech/extension} is Up, from the tracked channels. */
    synchronized boolean isUp(String tech, String extension) {
        for (var e : channels.entries()) {
            if (Channels.isUpAt(e.getKey(), e.getValue().state(), tech, extension)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The driver events one AMI event gives, usually none. It reads only the headers the event's kind needs: a
     * decoded message makes a value's String when it is asked for, and most events of a busy PBX (VarSet,
     * Newexten, RTCP...) need only their ChannelState and, if they have one, Channel.
     */
    synchronized List<DriverEvent> translate(AmiMessage m) {
        String name = m.eventName();
        if (name == null) {
            return List.of();
        }
        String state = m.get("ChannelState");
        String channel = state != null || readsChannel(name) ? m.get("Channel") : null;
        LiveChannels.Leg previous = channel != null && "Newstate".equals(name) ? channels.get(channel) : null;
        track(m, channel, state);
        List<DriverEvent> out = emitted;
        out.clear();
        switch (name) {
            case "Newchannel" -> bindOriginatedLeg(m, channel, state);
            case "Newstate" -> {
                ChannelState prev = previous == null ? null : previous.state();
                if (stateOf(state) == ChannelState.UP && (prev == ChannelState.DOWN || prev == ChannelState.RINGING)) {
                    accepted(out, channel, m.get("Uniqueid"), m.get("Linkedid"));
                }
            }
            case "DialBegin" -> dialBegin(m);
            case "DialEnd" -> dialEnd(out, m);
            case "OriginateResponse" -> originateResponse(out, m);
            case "DTMFEnd" -> dtmf(out, m, channel);
            case "HangupRequest" -> hangupRequest(m);
            case "Hangup" -> {
                legHungUp(out, m);
                hangup(channel);
            }
            case "PresenceStateChange" -> presence(out, afterColon(m.get("Presentity")), m);
            case "PresenceStatus" -> presence(out, m.get("Exten"), m);
            case "ExtensionStatus" -> extensionStatus(out, m, true);
            default -> {}
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** The events whose handling uses their Channel even when they carry no ChannelState. */
    private static boolean readsChannel(String eventName) {
        return switch (eventName) {
            case "Newchannel", "Newstate", "DTMFEnd", "Hangup" -> true;
            default -> false;
        };
    }

    /**
     * After a (re)connect: the lists read from the PBX replace what was tracked. With {@code emit}, changes are
     * reported (a reconnect); without, they only become the baseline (the first connect).
     */
    synchronized List<DriverEvent> resync(
            List<AmiMessage> extensionStatuses,
            List<AmiMessage> presences,
            List<AmiMessage> channelList,
            boolean emit) {
        List<DriverEvent> out = new ArrayList<>();
        for (AmiMessage m : extensionStatuses) {
            extensionStatus(out, m, emit);
        }
        for (AmiMessage m : presences) {
            List<DriverEvent> changed = new ArrayList<>();
            presence(changed, afterColon(m.get("Presentity")), m);
            if (emit) {
                out.addAll(changed);
            }
        }
        if (channelList != null) {
            replaceChannels(channelList);
            refusalsEndedWhileAway(out);
            callsEndedWhileAway(out);
        }
        return out;
    }

    private void replaceChannels(List<AmiMessage> channelList) {
        Set<String> live = new HashSet<>();
        for (AmiMessage c : channelList) {
            String ch = c.get("Channel");
            if (ch != null) {
                live.add(ch);
                channels.put(
                        ch, new LiveChannels.Leg(c.get("Uniqueid"), c.get("Linkedid"), stateOf(c.get("ChannelState"))));
            }
        }
        for (String gone : channels.entries().stream().map(Map.Entry::getKey).toList()) {
            if (!live.contains(gone)) {
                channels.remove(gone);
                answeredLegs.remove(Channels.legKey(gone));
            }
        }
    }

    /** A refused leg that hung up while the connection was down: its DialEnd was seen, so its reason is known. */
    private void refusalsEndedWhileAway(List<DriverEvent> out) {
        Set<String> live = new HashSet<>();
        channels.entries().forEach(e -> live.add(e.getValue().uniqueid()));
        for (var r : List.copyOf(refusals.entrySet())) {
            if (!live.contains(r.getKey())) {
                refusals.remove(r.getKey());
                Refusal refused = r.getValue();
                declined(
                        out,
                        refused.call(),
                        refused.extension(),
                        refusal(requestedCauses.getOrDefault(r.getKey(), -1), refused.dialStatus()));
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
            boolean live = call.uniqueid != null ? hasCall(call.uniqueid) : hasChannelOf(call.source);
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
            forgetCallPhone(call.actionId);
        }
    }

    /** A channel of the call: linked to the originated leg, or that leg itself (should a list omit Linkedid). */
    private boolean hasCall(String uniqueid) {
        if (channels.hasCall(uniqueid)) {
            return true;
        }
        for (var e : channels.entries()) {
            if (uniqueid.equals(e.getValue().uniqueid())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a table of {@code size} names is at its bound; if so, the new name is counted and not kept. */
    private boolean full(int size, String what) {
        if (size < MAX_TRACKED_NAMES) {
            return false;
        }
        untracked++;
        if (Long.bitCount(untracked) == 1) {
            log.warn(
                    "the PBX reports more than {} {}: new names are not remembered ({} so far); their events still"
                            + " pass, but Call Status and duplicate filtering may miss them until the next reconnect",
                    MAX_TRACKED_NAMES,
                    what,
                    untracked);
        }
        return true;
    }

    /** Names not remembered because a table was at {@link #MAX_TRACKED_NAMES}. */
    synchronized long untracked() {
        return untracked;
    }

    private boolean hasChannelOf(String extension) {
        for (var e : channels.entries()) {
            if (extension.equals(Channels.extension(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private void track(AmiMessage m, String channel, String state) {
        if (channel != null && state != null) {
            if (channels.get(channel) == null && full(channels.size(), "live channels")) {
                return;
            }
            String linkedid = m.get("Linkedid");
            channels.put(channel, new LiveChannels.Leg(m.get("Uniqueid"), linkedid, stateOf(state)));
            if (linkedid != null) {
                noteIvr(m.get("Exten"), linkedid);
            }
        }
    }

    private void noteIvr(String exten, String linkedid) {
        if (linkedid != null
                && config.isIvr(exten)
                && !ivrCalls.contains(linkedid)
                && !full(ivrCalls.size(), "IVR calls")) {
            ivrCalls.add(linkedid);
        }
    }

    private void bindOriginatedLeg(AmiMessage m, String channel, String state) {
        if (stateOf(state) != ChannelState.DOWN) {
            return;
        }
        String ext = Channels.extension(channel);
        for (PhoneCall call : unbound) {
            if (call.source.equals(ext)) {
                unbound.remove(call);
                bind(call, m.get("Uniqueid"));
                return;
            }
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

    private void accepted(List<DriverEvent> out, String channel, String uniqueid, String linkedid) {
        String ext = Channels.extension(channel);
        String legKey = ext == null ? null : Channels.legKey(channel);
        if (ext == null || answeredLegs.contains(legKey)) {
            return;
        }
        if (!full(answeredLegs.size(), "answered legs")) {
            answeredLegs.add(legKey);
        }
        PhoneCall call = callOf(uniqueid, linkedid);
        if (call != null && ext.equals(call.source)) {
            call.sourceAnswered = true;
        } else if (call != null) {
            call.destinationAnswered = true;
        }
        out.add(new CallStatus(
                ext, CallStatus.Status.Accepted, null, call == null ? null : call.callId, clock.instant()));
    }

    private void dialBegin(AmiMessage m) {
        noteIvr(m.get("DestExten"), m.get("DestLinkedid"));
        String caller = m.get("Uniqueid");
        PhoneCall call = caller == null ? null : byUniqueid.get(caller);
        if (call != null && caller.equals(call.uniqueid)) {
            call.destinationDialled = true;
        }
    }

    /**
     * A dialled leg answered (Accepted now) or did not: then it is Declined when it hangs up ({@link #legHungUp}),
     * where its cause is known. CANCEL (the caller gave up) and ABORT/CONTINUE/GOTO are no refusal by the callee.
     */
    private void dialEnd(List<DriverEvent> out, AmiMessage m) {
        String dest = m.get("DestChannel");
        String status = m.get("DialStatus", "");
        if ("ANSWER".equals(status)) {
            accepted(out, dest, m.get("DestUniqueid"), m.get("DestLinkedid"));
            return;
        }
        String destUniqueid = m.get("DestUniqueid");
        PhoneCall call = callOf(m.get("Uniqueid"), m.get("DestLinkedid"));
        if (call == null) {
            call = callOf(destUniqueid, m.get("Linkedid"));
        }
        if (call != null && destUniqueid != null && reasonOfDialStatus(status) != null) {
            refusals.put(destUniqueid, new Refusal(call, Channels.extension(dest), status));
        }
    }

    /**
     * Keeps a HangupRequest's Cause for the leg's Hangup: chan_pjsip queues the hangup with the cause of the SIP
     * answer (HangupRequest Cause 17 before DialEnd BUSY in 41, 42a, 43), a cause the Hangup may not carry.
     */
    private void hangupRequest(AmiMessage m) {
        String uniqueid = m.get("Uniqueid");
        int cause = parseInt(m.get("Cause"));
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
    private void originateResponse(List<DriverEvent> out, AmiMessage m) {
        PhoneCall call = byActionId.get(m.actionId());
        if (call == null) {
            return; // another client's Originate, or not a Call Phone (surprise 11)
        }
        call.responded = true;
        if ("Success".equalsIgnoreCase(m.get("Response"))) {
            unbound.remove(call);
            bind(call, m.get("Uniqueid"));
            if (call.sourceLegEnded && !channels.hasCall(call.uniqueid)) {
                forgetCallPhone(call.actionId); // came after the call's last Hangup (seen in 42c's order swapped)
            }
            return;
        }
        call.originateFailure = reasonOfOriginate(m.get("Reason", "0"));
        if (call.uniqueid == null || call.sourceLegEnded) {
            declined(out, call, call.source, call.originateFailure);
            forgetCallPhone(call.actionId);
        }
    }

    private void declined(List<DriverEvent> out, PhoneCall call, String extension, String reason) {
        if (call.declined) {
            return;
        }
        call.declined = true;
        out.add(new CallStatus(extension, CallStatus.Status.Declined, reason, call.callId, clock.instant()));
    }

    private void dtmf(List<DriverEvent> out, AmiMessage m, String channel) {
        if (!"Received".equalsIgnoreCase(m.get("Direction"))) {
            return;
        }
        String ext = Channels.extension(channel);
        String digit = m.get("Digit");
        if (ext == null || digit == null || config.isIvr(ext)) {
            return;
        }
        String linkedid = m.get("Linkedid");
        PhoneCall call = callOf(m.get("Uniqueid"), linkedid);
        boolean ivr = config.isIvr(m.get("Exten")) || (linkedid != null && ivrCalls.contains(linkedid));
        if (call != null || ivr) {
            out.add(new DriverEvent.IvrResponse(ext, digit, call == null ? null : call.callId, clock.instant()));
        }
    }

    /**
     * A leg of a Call Phone call hung up. A dialled leg that did not answer is Declined at its extension
     * ({@link #refusal}). The source leg that ended before it answered is Declined at the source by its cause, else
     * by the OriginateResponse Failure (the timeout of the Originate itself ends the leg with Cause 0 and no
     * DialEnd; its Reason 3 says no-answer), which is awaited if it has not come yet. The answered source leg ending
     * when the destination never got a channel says why the destination could not be reached: app_dial gives the
     * caller the cause of the failed request (3 No route to destination for an endpoint without contact,
     * transcript 42c).
     */
    private void legHungUp(List<DriverEvent> out, AmiMessage m) {
        String uniqueid = m.get("Uniqueid");
        if (uniqueid == null) {
            return;
        }
        Integer requested = requestedCauses.remove(uniqueid);
        int cause = parseInt(m.get("Cause"));
        if (reasonOfCause(cause) == null && requested != null) {
            cause = requested;
        }
        Refusal refused = refusals.remove(uniqueid);
        if (refused != null) {
            declined(out, refused.call(), refused.extension(), refusal(cause, refused.dialStatus()));
        }
        PhoneCall call = byUniqueid.get(uniqueid);
        if (call == null || !uniqueid.equals(call.uniqueid)) {
            return;
        }
        call.sourceLegEnded = true;
        if (!call.sourceAnswered) {
            String reason = reasonOfCause(cause) != null ? reasonOfCause(cause) : call.originateFailure;
            if (reason != null) {
                declined(out, call, call.source, reason);
            }
        } else if (!call.destinationAnswered && !call.destinationDialled && reasonOfCause(cause) != null) {
            declined(out, call, call.destination, reasonOfCause(cause));
        }
    }

    /** Why a dialled leg did not answer: its cause where the cause says, else its DialStatus. */
    private static String refusal(int cause, String dialStatus) {
        String reason = reasonOfCause(cause);
        return reason != null ? reason : reasonOfDialStatus(dialStatus);
    }

    /**
     * The Q.850 cause of a leg that did not answer. chan_pjsip ({@code hangup_sip2cause}) maps the phone's SIP
     * answer: 486 and 600 give 17 (transcripts 41, 42a, 43), 603 Decline, 401, 403 and 407 give 21, 404 and 604 give
     * 1, 480 gives 19, 408 gives 18, 503 gives 34. Cause 16 (normal clearing: someone hung up) and 0 (unknown: a
     * ring timeout, 42b) say nothing about the callee.
     */
    private static String reasonOfCause(int cause) {
        return switch (cause) {
            case 17 -> "busy";
            case 18, 19 -> "no-answer";
            case 21 -> "rejected";
            case 1, 3, 20, 27, 34, 38, 41, 42 -> "unavailable";
            default -> null;
        };
    }

    /**
     * A DialStatus that is a refusal. Asterisk derives it from the cause ({@code ast_hangup_cause_to_dial_status}:
     * 17 BUSY, 34 CONGESTION, 3 and 20 CHANUNAVAIL, any other NOANSWER — so a 603 is NOANSWER, hence
     * {@link #refusal} prefers the cause) or from a control frame (BUSY, CONGESTION: Local channels, the simulator).
     */
    private static String reasonOfDialStatus(String dialStatus) {
        return switch (dialStatus == null ? "" : dialStatus) {
            case "BUSY" -> "busy";
            case "NOANSWER" -> "no-answer";
            case "CHANUNAVAIL" -> "unavailable";
            case "CONGESTION" -> "rejected";
            default -> null;
        };
    }

    /**
     * The Reason of an OriginateResponse Failure: the control frame that ended the Originate's dial. 0 (no frame:
     * no channel, or the leg hung up — transcripts 09c, 42d, 43) is unavailable; the others come from legs that
     * signal by frames (Local channels, the simulator) or from the Originate's own timeout: 5 busy, 3 ringing when
     * it ended (no-answer), 1 hung up and 8 congestion (rejected).
     */
    private static String reasonOfOriginate(String reason) {
        return switch (reason.trim()) {
            case "1", "8" -> "rejected";
            case "3" -> "no-answer";
            case "5" -> "busy";
            default -> "unavailable";
        };
    }

    private void hangup(String channel) {
        if (channel == null) {
            return;
        }
        LiveChannels.Leg leg = channels.remove(channel);
        if (!channels.hasLeg(Channels.legKey(channel))) {
            answeredLegs.remove(Channels.legKey(channel));
        }
        String linkedid = leg == null ? null : leg.linkedid();
        if (linkedid != null && !channels.hasCall(linkedid)) {
            ivrCalls.remove(linkedid);
            PhoneCall call = byUniqueid.get(linkedid);
            if (call != null && (call.responded || call.declined)) { // a later OriginateResponse has nothing to add
                byUniqueid.remove(linkedid);
                byActionId.remove(call.actionId);
            }
        }
    }

    private void presence(List<DriverEvent> out, String extension, AmiMessage m) {
        if (extension == null || extension.isEmpty()) {
            return;
        }
        String status = m.get("Status", "").toLowerCase(java.util.Locale.ROOT);
        if ("custom".equalsIgnoreCase(m.get("Subtype"))) {
            status = "custom";
        }
        String text = m.get("Message", "");
        String value = status + "\u0000" + text;
        String before = presence.get(extension);
        if (before != null || !full(presence.size(), "presentities")) {
            presence.put(extension, value);
        }
        if (!value.equals(before)) {
            out.add(new DriverEvent.Presence(extension, status, text, clock.instant()));
        }
    }

    private void extensionStatus(List<DriverEvent> out, AmiMessage m, boolean emit) {
        String ext = m.get("Exten");
        String text = m.get("StatusText");
        if (ext == null || text == null) {
            return;
        }
        String before = extensionStates.get(ext);
        if (before != null || !full(extensionStates.size(), "extension states")) {
            extensionStates.put(ext, text);
        }
        if (!text.equals(before) && emit) {
            out.add(new DriverEvent.ExtensionState(ext, text, clock.instant()));
        }
    }

    private static String afterColon(String presentity) {
        if (presentity == null) {
            return null;
        }
        int colon = presentity.indexOf(':');
        return colon < 0 ? presentity : presentity.substring(colon + 1);
    }

    /** The state of a ChannelState header, or null when it is missing or not one Asterisk defines. */
    private static ChannelState stateOf(String header) {
        return ChannelState.ofHeader(header).orElse(null);
    }

    private static int parseInt(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
