package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
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
 *     caller's own leg starts in Ring, AMI.md §4.3). Once per leg: the two halves of a Local channel are one leg
 *     (transcript 09).</li>
 * <li>Declined (Call Phone only): {@code OriginateResponse} {@code Response: Failure} with our ActionID, by
 *     {@code Reason} (AMI.md §3.1: 0 unavailable, 1 rejected, 3 no-answer, 5 busy, 8 rejected), at the source;
 *     or {@code DialEnd} BUSY / NOANSWER / CHANUNAVAIL / CONGESTION on a leg of the call, at that leg's
 *     extension; or, when the destination never got a channel (Dial to an unregistered PJSIP endpoint fails in
 *     {@code ast_request}: no DialBegin/DialEnd at all), the {@code Hangup} {@code Cause} of the answered source
 *     leg, at the destination; or, after a reconnect, reason {@code unknown} for a call whose outcome had not
 *     been seen and of which CoreShowChannels shows no channel any more (it ended while the connection was
 *     down). At most one Declined per call.</li>
 * <li>Which channels belong to a Call Phone call: the originated leg is the first {@code Newchannel} of the
 *     source extension in state Down after the Originate (its {@code DialBegin} has no caller, AMI.md §6.2),
 *     confirmed by the OriginateResponse's {@code Uniqueid}; every later leg has that uniqueid as Linkedid.</li>
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

        PhoneCall(String callId, String actionId, String source, String destination) {
            this.callId = callId;
            this.actionId = actionId;
            this.source = source;
            this.destination = destination;
        }
    }

    static final int MAX_TRACKED_CALLS = 10_000;

    private final DriverConfig config;
    private final Clock clock;
    private final LiveChannels channels = new LiveChannels();
    private final Set<String> answeredLegs = new HashSet<>();
    private final Set<String> ivrCalls = new HashSet<>();
    private final List<PhoneCall> unbound = new ArrayList<>();
    private final Map<String, PhoneCall> byActionId = new java.util.LinkedHashMap<>();
    private final Map<String, PhoneCall> byUniqueid = new HashMap<>();
    private final Map<String, String> presence = new HashMap<>();
    private final Map<String, String> extensionStates = new HashMap<>();

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
    }

    /** Extensions with a hint, from the last ExtensionStateList; empty when unknown. */
    synchronized Set<String> knownExtensions() {
        return Set.copyOf(extensionStates.keySet());
    }

    /** Whether a channel of {@code tech/extension} is Up, from the tracked channels. */
    synchronized boolean isUp(String tech, String extension) {
        for (var e : channels.entries()) {
            if (e.getValue().state() == 6 && tech.equalsIgnoreCase(Channels.tech(e.getKey()))
                    && extension.equals(Channels.extension(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    synchronized List<DriverEvent> translate(AmiMessage m) {
        List<DriverEvent> out = new ArrayList<>(1);
        String name = m.eventName();
        if (name == null) {
            return out;
        }
        String channel = m.get("Channel");
        LiveChannels.Leg previous = channel == null ? null : channels.get(channel);
        track(m, channel);
        switch (name) {
            case "Newchannel" -> bindOriginatedLeg(m, channel);
            case "Newstate" -> {
                int prev = previous == null ? -1 : previous.state();
                if (parseInt(m.get("ChannelState")) == 6 && (prev == 0 || prev == 5)) {
                    accepted(out, channel, m.get("Uniqueid"), m.get("Linkedid"));
                }
            }
            case "DialBegin" -> noteIvr(m.get("DestExten"), m.get("DestLinkedid"));
            case "DialEnd" -> dialEnd(out, m);
            case "OriginateResponse" -> originateResponse(out, m);
            case "DTMFEnd" -> dtmf(out, m, channel);
            case "Hangup" -> {
                sourceHungUp(out, m);
                hangup(channel);
            }
            case "PresenceStateChange" -> presence(out, afterColon(m.get("Presentity")), m);
            case "PresenceStatus" -> presence(out, m.get("Exten"), m);
            case "ExtensionStatus" -> extensionStatus(out, m, true);
            default -> { }
        }
        return out;
    }

    /**
     * After a (re)connect: the lists read from the PBX replace what was tracked. With {@code emit}, changes are
     * reported (a reconnect); without, they only become the baseline (the first connect).
     */
    synchronized List<DriverEvent> resync(List<AmiMessage> extensionStatuses, List<AmiMessage> presences,
                                          List<AmiMessage> channelList, boolean emit) {
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
                channels.put(ch, new LiveChannels.Leg(c.get("Uniqueid"), c.get("Linkedid"), parseInt(c.get("ChannelState"))));
            }
        }
        for (String gone : channels.entries().stream().map(Map.Entry::getKey).toList()) {
            if (!live.contains(gone)) {
                channels.remove(gone);
                answeredLegs.remove(Channels.legKey(gone));
            }
        }
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
                log.warn("Call Phone call {} ({} -> {}) ended while the connection to the PBX was down: its outcome "
                        + "was not observed; reported as Declined 'unknown' at {}", call.callId, call.source,
                        call.destination, extension);
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

    private boolean hasChannelOf(String extension) {
        for (var e : channels.entries()) {
            if (extension.equals(Channels.extension(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private void track(AmiMessage m, String channel) {
        String state = m.get("ChannelState");
        if (channel != null && state != null) {
            channels.put(channel, new LiveChannels.Leg(m.get("Uniqueid"), m.get("Linkedid"), parseInt(state)));
            noteIvr(m.get("Exten"), m.get("Linkedid"));
        }
    }

    private void noteIvr(String exten, String linkedid) {
        if (linkedid != null && config.isIvr(exten)) {
            ivrCalls.add(linkedid);
        }
    }

    private void bindOriginatedLeg(AmiMessage m, String channel) {
        if (parseInt(m.get("ChannelState")) != 0) {
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
        if (ext == null || !answeredLegs.add(Channels.legKey(channel))) {
            return;
        }
        PhoneCall call = callOf(uniqueid, linkedid);
        if (call != null && ext.equals(call.source)) {
            call.sourceAnswered = true;
        } else if (call != null) {
            call.destinationAnswered = true;
        }
        out.add(new CallStatus(ext, CallStatus.Status.Accepted, null, call == null ? null : call.callId, clock.instant()));
    }

    private void dialEnd(List<DriverEvent> out, AmiMessage m) {
        String dest = m.get("DestChannel");
        String status = m.get("DialStatus", "");
        if ("ANSWER".equals(status)) {
            accepted(out, dest, m.get("DestUniqueid"), m.get("DestLinkedid"));
            return;
        }
        String reason = switch (status) {
            case "BUSY" -> "busy";
            case "NOANSWER" -> "no-answer";
            case "CHANUNAVAIL" -> "unavailable";
            case "CONGESTION" -> "rejected";
            default -> null; // CANCEL: the caller gave up; ABORT/CONTINUE/GOTO: not a refusal by the callee
        };
        PhoneCall call = callOf(m.get("Uniqueid"), m.get("DestLinkedid"));
        if (call == null) {
            call = callOf(m.get("DestUniqueid"), m.get("Linkedid"));
        }
        if (reason != null && call != null) {
            declined(out, call, Channels.extension(dest), reason);
        }
    }

    private void originateResponse(List<DriverEvent> out, AmiMessage m) {
        PhoneCall call = byActionId.get(m.actionId());
        if (call == null) {
            return; // another client's Originate, or not a Call Phone (surprise 11)
        }
        call.responded = true;
        if ("Success".equalsIgnoreCase(m.get("Response"))) {
            unbound.remove(call);
            bind(call, m.get("Uniqueid"));
            return;
        }
        String reason = switch (m.get("Reason", "0")) {
            case "1", "8" -> "rejected";
            case "3" -> "no-answer";
            case "5" -> "busy";
            default -> "unavailable";
        };
        declined(out, call, call.source, reason);
        forgetCallPhone(call.actionId);
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
     * The answered source leg of a Call Phone call hangs up before the destination answered and with no Declined
     * reported: its Cause is why the destination could not be reached (app_dial sets the caller's hangup cause
     * when no destination channel could even be created, e.g. 20 Subscriber absent for an unregistered phone).
     * Cause 16 (normal clearing: someone hung up) and 0 (unknown) say nothing about the destination.
     */
    private void sourceHungUp(List<DriverEvent> out, AmiMessage m) {
        String uniqueid = m.get("Uniqueid");
        PhoneCall call = uniqueid == null ? null : byUniqueid.get(uniqueid);
        if (call == null || !uniqueid.equals(call.uniqueid) || !call.sourceAnswered || call.destinationAnswered) {
            return;
        }
        String reason = switch (parseInt(m.get("Cause"))) {
            case 17 -> "busy";
            case 18, 19 -> "no-answer";
            case 21 -> "rejected";
            case 1, 3, 20, 27, 34, 38, 41, 42 -> "unavailable";
            default -> null;
        };
        if (reason != null) {
            declined(out, call, call.destination, reason);
        }
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
            if (call != null && call.responded) {
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
        if (!value.equals(presence.put(extension, value))) {
            out.add(new DriverEvent.Presence(extension, status, text, clock.instant()));
        }
    }

    private void extensionStatus(List<DriverEvent> out, AmiMessage m, boolean emit) {
        String ext = m.get("Exten");
        String text = m.get("StatusText");
        if (ext == null || text == null) {
            return;
        }
        if (!text.equals(extensionStates.put(ext, text)) && emit) {
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
