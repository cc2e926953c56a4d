package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import io.ucmkit.driver.DriverEvent.CallStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the AMI event stream into Call Status, IVR Response, Presence and ExtensionState events: a dispatch on the
 * event's name over three parts — the {@link ChannelTracker} (live channels, answered legs, IVR calls), the
 * {@link CallPhoneCorrelator} (which channels are a Call Phone call, and whether it was Declined) and the
 * {@link ExtensionStateCache} (presence and hint states). One instance per driver, fed every event in wire order on
 * the event loop; one lock guards the three parts, which are not thread-safe themselves, because commands register
 * Call Phone calls, and Cancel drops them, from other threads (always before their Originate is written, so the
 * call's events find the registration).
 *
 * <p>How the events that are not the correlator's are derived, with the wire facts they rely on:
 * <ul>
 * <li>Accepted: a leg the PBX dialled went Up — {@code DialEnd} {@code DialStatus: ANSWER} for its
 *     {@code DestChannel}, or {@code Newstate} Up of a channel last seen Down or Ringing (an outbound leg; a
 *     caller's own leg starts in Ring: 1004 dialling the IVR in transcript 44, 1002 dialling *561001 in 46).
 *     Once per leg: the two halves of a Local channel are one leg (transcript 09).</li>
 * <li>IVR Response: {@code DTMFEnd} with {@code Direction: Received} (DTMFBegin can repeat, transcript 09 /
 *     surprise 16) on a call whose Linkedid has been at an IVR number, or on a Call Phone call.</li>
 * <li>Presence and ExtensionState: see {@link ExtensionStateCache}.</li>
 * </ul>
 */
final class EventTranslator {

    static final int MAX_TRACKED_CALLS = CallPhoneCorrelator.MAX_TRACKED_CALLS;

    /** The bound on every table keyed by names the PBX sends: see {@link NameBound}. */
    static final int MAX_TRACKED_NAMES = NameBound.MAX_NAMES;

    private final DriverConfig config;
    private final Clock clock;
    private final NameBound bound = new NameBound();
    private final ChannelTracker channels;
    private final CallPhoneCorrelator calls;
    private final ExtensionStateCache states;
    /** What {@link #translate} emits, reused: most events emit nothing, and a copy is returned when one does. */
    private final List<DriverEvent> emitted = new ArrayList<>(2);

    EventTranslator(DriverConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.channels = new ChannelTracker(config, bound);
        this.calls = new CallPhoneCorrelator(clock, channels);
        this.states = new ExtensionStateCache(clock, bound);
    }

    /** Registers a Call Phone call before its Originate is written ({@link CallPhoneCorrelator#expect}). */
    synchronized void expectCallPhone(String actionId, String callId, String source, String destination) {
        calls.expect(actionId, callId, source, destination);
    }

    /** The Originate was refused or never sent: forget the call. */
    synchronized void forgetCallPhone(String actionId) {
        calls.forget(actionId);
    }

    /** Cancel: drop every pending Call Phone confirmation (no Declined will be reported for them). */
    synchronized void dropPendingConfirmations() {
        calls.forgetAll();
    }

    /** Extensions with a hint, from the last ExtensionStateList; empty when unknown. */
    synchronized Set<String> knownExtensions() {
        return states.knownExtensions();
    }

    /** Whether a channel of {@code tech/extension} is Up, from the tracked channels. */
    synchronized boolean isUp(String tech, String extension) {
        return channels.isUp(tech, extension);
    }

    /** Names not remembered because a table was at {@link #MAX_TRACKED_NAMES}. */
    synchronized long untracked() {
        return bound.untracked();
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
        String stateHeader = m.get("ChannelState");
        ChannelState state =
                stateHeader == null ? null : ChannelState.ofHeader(stateHeader).orElse(null);
        String channel = stateHeader != null || readsChannel(name) ? m.get("Channel") : null;
        ChannelState previous = channel != null && "Newstate".equals(name) ? channels.stateOf(channel) : null;
        if (channel != null && stateHeader != null) {
            channels.track(m, channel, state);
        }
        List<DriverEvent> out = emitted;
        out.clear();
        switch (name) {
            case "Newchannel" -> calls.newChannel(channel, state, m.get("Uniqueid"));
            case "Newstate" -> {
                if (state == ChannelState.UP && (previous == ChannelState.DOWN || previous == ChannelState.RINGING)) {
                    accepted(out, channel, m.get("Uniqueid"), m.get("Linkedid"));
                }
            }
            case "DialBegin" -> {
                channels.noteIvr(m.get("DestExten"), m.get("DestLinkedid"));
                calls.dialBegin(m.get("Uniqueid"));
            }
            case "DialEnd" -> dialEnd(out, m);
            case "OriginateResponse" -> calls.originateResponse(out, m);
            case "DTMFEnd" -> dtmf(out, m, channel);
            case "HangupRequest" -> calls.hangupRequest(m);
            case "Hangup" -> {
                calls.legHungUp(out, m);
                hangup(channel);
            }
            case "PresenceStateChange" -> states.presenceChange(out, m);
            case "PresenceStatus" -> states.presenceStatus(out, m);
            case "ExtensionStatus" -> states.extensionStatus(out, m, true);
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
     * reported (a reconnect); without, they only become the baseline (the first connect). A null channel list (it
     * could not be read) keeps the channels as they were.
     */
    synchronized List<DriverEvent> resync(
            List<AmiMessage> extensionStatuses,
            List<AmiMessage> presences,
            List<AmiMessage> channelList,
            boolean emit) {
        List<DriverEvent> out = new ArrayList<>();
        for (AmiMessage m : extensionStatuses) {
            states.extensionStatus(out, m, emit);
        }
        for (AmiMessage m : presences) {
            List<DriverEvent> changed = new ArrayList<>();
            states.presenceChange(changed, m);
            if (emit) {
                out.addAll(changed);
            }
        }
        if (channelList != null) {
            channels.replace(channelList);
            calls.endedWhileAway(out);
        }
        return out;
    }

    private void accepted(List<DriverEvent> out, String channel, String uniqueid, String linkedid) {
        String ext = Channels.extension(channel);
        if (ext == null || !channels.firstAnswer(channel)) {
            return;
        }
        String callId = calls.answered(ext, uniqueid, linkedid);
        out.add(new CallStatus(ext, CallStatus.Status.Accepted, null, callId, clock.instant()));
    }

    /** A dialled leg answered (Accepted now) or did not: then the correlator awaits its hangup. */
    private void dialEnd(List<DriverEvent> out, AmiMessage m) {
        String status = m.get("DialStatus", "");
        if ("ANSWER".equals(status)) {
            accepted(out, m.get("DestChannel"), m.get("DestUniqueid"), m.get("DestLinkedid"));
        } else {
            calls.notAnswered(m, status);
        }
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
        String callId = calls.callIdOf(m.get("Uniqueid"), linkedid);
        boolean ivr = config.isIvr(m.get("Exten")) || channels.isIvrCall(linkedid);
        if (callId != null || ivr) {
            out.add(new DriverEvent.IvrResponse(ext, digit, callId, clock.instant()));
        }
    }

    private void hangup(String channel) {
        if (channel == null) {
            return;
        }
        String endedCall = channels.hangup(channel);
        if (endedCall != null) {
            calls.callEnded(endedCall);
        }
    }
}
