package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The channels, dial attempts and bridges of the simulated PBX, and the event sequences they
 * produce. Every state change runs under this object's lock, so events of one call come out in
 * order; the sink must not block.
 *
 * <p>Where the sequences come from: the snapshot block, header sets and most orderings are those
 * of Local-channel transcripts 09 (originate legs), 23 (Dial: DialBegin/DialState/DialEnd, bridge,
 * hangup order) and 17 (bridge teardown, ChanSpy); the transcripts show two Local halves (;1/;2)
 * per phone, the simulator emits one PJSIP channel per phone leg and drops the Local-only events
 * (LocalBridge, the ;2 leg's dialplan, SoftHangupRequest between halves). Inferred rather than
 * copied: a PJSIP leg's first snapshot ({@code Exten: s}), Newstate Ringing + DialState RINGING on
 * an Originate leg, busy/decline/timeout causes and DialStatus values (see {@link HangupCause}),
 * and the order of Hangup events when a bridged phone hangs up (modelled on 17/23).
 */
public final class CallEngine {

    static final String CONTEXT = "from-internal";
    /** Ring time for a call a phone places; a UCM extension's default ring timeout is 60 s (inferred). */
    static final Duration DIAL_RING_TIMEOUT = Duration.ofSeconds(60);

    final PbxPort pbx;
    final CallClock clock;
    final EventSink sink;
    final boolean asterisk13;
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Map<String, List<SimChannel>> byEndpoint = new HashMap<>();
    private final Map<String, PbxPort.DeviceState> deviceStates = new HashMap<>();
    /** Extensions whose legs were created, removed, or started/stopped ringing since the last update. */
    private final Set<String> dirty = new LinkedHashSet<>();
    final List<Spy> spies = new ArrayList<>();
    private int channelSeq;
    private int uniqueSeq;
    /** Calls started since start-up (a new linkedid), for {@code core show channels}' last line. */
    int callsProcessed;
    final Apps apps;

    CallEngine(PbxPort pbx, CallClock clock, EventSink sink, boolean asterisk13) {
        this.pbx = pbx;
        this.clock = clock;
        this.sink = sink;
        this.asterisk13 = asterisk13;
        this.apps = new Apps(this);
    }

    // ---- registry -------------------------------------------------------------------------

    synchronized List<SimChannel> channels() {
        return List.copyOf(channels.values());
    }

    synchronized Optional<SimChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** Channels of one extension's phone, oldest first. */
    synchronized List<SimChannel> channelsOf(String ext) {
        return List.copyOf(byEndpoint.getOrDefault(ext, List.of()));
    }

    String nextUniqueid() {
        return (clock.currentTimeMillis() / 1000) + "." + uniqueSeq++;
    }

    /** {@code PJSIP/<endpoint>-%08x}: one counter for all channels, as Asterisk (AMI.md §4.1). */
    SimChannel newChannel(String tech, String ext, String linkedid, ChannelState state, CallerId caller,
                          String exten) {
        return newChannel(tech, ext, linkedid, state, caller, exten, null);
    }

    /** As above; {@code presetUniqueid} is Originate's {@code ChannelId} (AMI.md §3.1). */
    SimChannel newChannel(String tech, String ext, String linkedid, ChannelState state, CallerId caller,
                          String exten, String presetUniqueid) {
        String uniqueid = presetUniqueid != null ? presetUniqueid : nextUniqueid();
        if (linkedid == null) {
            callsProcessed++;
        }
        String name = tech + "/" + ext + "-" + String.format(Locale.ROOT, "%08x", channelSeq++);
        SimChannel c = new SimChannel(name, uniqueid, linkedid == null ? uniqueid : linkedid, ext, state,
                CONTEXT, exten, clock.currentTimeMillis());
        c.caller = caller;
        channels.put(name, c);
        byEndpoint.computeIfAbsent(ext, k -> new ArrayList<>(1)).add(c);
        dirty.add(ext);
        emit(CallEvents.channelEvent("Newchannel", c));
        return c;
    }

    void emit(AmiMessage event) {
        sink.publish(event);
    }

    void setState(SimChannel c, ChannelState state) {
        if (c.state != state) {
            c.state = state;
            emit(CallEvents.channelEvent("Newstate", c));
        }
    }

    void newexten(SimChannel c, String exten, int priority, String app, String data) {
        c.exten = exten;
        c.priority = priority;
        c.application = app;
        c.appData = data;
        emit(CallEvents.newexten(c, asterisk13));
    }

    /** Caller ID and connected line set together, as Originate does (AMI.md §3.1, transcript 09). */
    void setCallerAndConnected(SimChannel c, CallerId caller, CallerId connected) {
        c.caller = caller;
        emit(CallEvents.newCallerid(c));
        c.connected = connected;
        emit(CallEvents.channelEvent("NewConnectedLine", c));
    }

    // ---- ringing a phone ----------------------------------------------------------------------

    /**
     * Rings {@code attempt.dest}'s phone per its answer mode. Busy answers 486 at once (DialEnd
     * BUSY, cause 17); the others ring first (Newstate Ringing, DialState RINGING — 14+ only) and
     * then decline (603, cause 21), answer after the auto-answer delay, or wait for the control API
     * or the timeout (cause 19, DialStatus NOANSWER).
     */
    void ring(DialAttempt attempt, PbxPort.Phone phone, Duration timeout) {
        SimChannel dest = attempt.dest;
        dest.inbound = attempt;
        if (attempt.caller != null) {
            attempt.caller.outbound = attempt;
            attempt.caller.activity = SimChannel.Activity.DIALLING;
        }
        emit(CallEvents.dial("DialBegin", attempt.caller, dest, "DialString", attempt.dialString));
        if (phone.mode() == PbxPort.AnswerMode.BUSY) {
            endDial(attempt, HangupCause.USER_BUSY.code);
            return;
        }
        dest.activity = SimChannel.Activity.RINGING;
        dirty.add(dest.endpoint);
        setState(dest, ChannelState.RINGING);
        if (!asterisk13) {
            emit(CallEvents.dial("DialState", attempt.caller, dest, "DialStatus", "RINGING"));
        }
        updateDeviceStates();
        switch (phone.mode()) {
            case DECLINE -> endDial(attempt, HangupCause.CALL_REJECTED.code);
            case AUTO -> {
                Runnable cancel = clock.schedule(phone.autoAnswerDelay(), () -> {
                    synchronized (this) {
                        if (dest.inbound == attempt && !dest.hungUp) {
                            answerLeg(dest);
                        }
                    }
                });
                dest.cancelTimer = cancel;
                armTimeout(attempt, timeout);
            }
            default -> armTimeout(attempt, timeout);
        }
    }

    private void armTimeout(DialAttempt attempt, Duration timeout) {
        attempt.cancelTimeout = clock.schedule(timeout, () -> {
            synchronized (this) {
                if (attempt.dest.inbound == attempt && !attempt.dest.hungUp) {
                    endDial(attempt, HangupCause.NO_ANSWER.code);
                }
            }
        });
    }

    /** The ringing phone answers: Newstate Up, DialEnd ANSWER, then the attempt's continuation. */
    void answerLeg(SimChannel dest) {
        DialAttempt a = dest.inbound;
        a.cancelTimeout.run();
        dest.cancelTimer.run();
        dest.inbound = null;
        if (a.caller != null) {
            a.caller.outbound = null;
        }
        dest.activity = SimChannel.Activity.IDLE;
        dirty.add(dest.endpoint);
        setState(dest, ChannelState.UP);
        emit(CallEvents.dial("DialEnd", a.caller, dest, "DialStatus", "ANSWER"));
        updateDeviceStates();
        a.onAnswer.run();
        updateDeviceStates();
    }

    /** The ringing leg ends before answer: DialEnd with the status of {@code cause}, then its Hangup. */
    void endDial(DialAttempt a, int cause) {
        endDial(a, cause, HangupCause.dialStatus(cause));
    }

    private void endDial(DialAttempt a, int cause, String dialStatus) {
        SimChannel dest = a.dest;
        a.cancelTimeout.run();
        dest.cancelTimer.run();
        dest.inbound = null;
        if (a.caller != null) {
            a.caller.outbound = null;
            a.caller.activity = SimChannel.Activity.IDLE;
        }
        emit(CallEvents.dial("DialEnd", a.caller, dest, "DialStatus", dialStatus));
        finish(dest, cause);
        a.onFail.accept(cause);
        updateDeviceStates();
    }

    // ---- dialling between phones --------------------------------------------------------------

    /**
     * {@code Dial(PJSIP/<ext>)} from {@code caller} (transcript 23 with one PJSIP leg per phone): the
     * callee's Newchannel, its AppDial Newexten with caller ID = the dialled number and the caller's
     * name, connected line = the caller; DialBegin, ringing; on answer the bridge. An unregistered
     * phone gets no channel at all (the request fails: DialStatus CHANUNAVAIL, inferred).
     */
    void dialExtension(SimChannel caller, PbxPort.Phone phone, Duration timeout, Runnable afterDialExten,
                       IntConsumer onFail) {
        String number = phone.ext();
        newexten(caller, caller.exten, 1, "Dial", phone.tech() + "/" + number + "," + timeout.toSeconds());
        afterDialExten.run();
        if (!phone.registered()) {
            onFail.accept(HangupCause.SUBSCRIBER_ABSENT.code);
            return;
        }
        SimChannel dest = newChannel(phone.tech(), number, caller.linkedid, ChannelState.DOWN, CallerId.UNKNOWN, "s");
        dest.caller = new CallerId(caller.caller.name(), caller.exten);
        dest.connected = caller.caller;
        newexten(dest, caller.exten, 1, "AppDial", "(Outgoing Line)");
        emit(CallEvents.newCallerid(dest));
        emit(CallEvents.channelEvent("NewConnectedLine", dest));
        DialAttempt attempt = new DialAttempt(caller, dest, number, () -> {
            if (caller.state != ChannelState.UP) {
                setState(caller, ChannelState.UP);
            }
            bridge(caller, dest);
        }, onFail);
        ring(attempt, phone, timeout);
    }

    /** BridgeCreate, the callee's AppDial Newexten with empty exten, BridgeEnter callee then caller (23). */
    void bridge(SimChannel caller, SimChannel callee) {
        SimBridge bridge = new SimBridge(UUID.randomUUID().toString());
        emit(CallEvents.bridgeEvent("BridgeCreate", bridge));
        newexten(callee, "", 1, "AppDial", "(Outgoing Line)");
        for (SimChannel c : List.of(callee, caller)) {
            bridge.channels.add(c);
            c.bridge = bridge;
            c.activity = SimChannel.Activity.BRIDGED;
            emit(CallEvents.bridgeMember("BridgeEnter", bridge, c));
        }
        apps.attachWaitingSpies();
    }

    static SimChannel peerOf(SimChannel c) {
        if (c.bridge == null) {
            return null;
        }
        for (SimChannel other : c.bridge.channels) {
            if (other != c) {
                return other;
            }
        }
        return null;
    }

    // ---- hanging up ---------------------------------------------------------------------------

    /**
     * Ends a channel. {@code remote} means its phone hung up (a BYE: HangupRequest first, AMI.md
     * §4.2); AMI Hangup passes false — it only flags the channel, no request event (surprise 26).
     * Then, as in 17/23: BridgeLeave, ChanSpyStop of its spies, its Hangup, then the peer's
     * BridgeLeave, BridgeDestroy and Hangup.
     */
    void hangup(SimChannel ch, int cause, boolean remote) {
        if (ch.hungUp) {
            return;
        }
        if (ch.inbound != null) {
            endDial(ch.inbound, cause == 0 ? HangupCause.NORMAL_CLEARING.code : cause);
            return;
        }
        if (remote) {
            emit(CallEvents.hangupRequest("HangupRequest", ch, cause));
        }
        List<SimChannel> exiting = new ArrayList<>();
        if (ch.outbound != null) {
            DialAttempt a = ch.outbound;
            ch.outbound = null;
            a.cancelTimeout.run();
            a.dest.cancelTimer.run();
            a.dest.inbound = null;
            emit(CallEvents.dial("DialEnd", ch, a.dest, "DialStatus", "CANCEL"));
            finish(a.dest, HangupCause.NORMAL_CLEARING.code);
        }
        apps.stopSpying(ch);
        SimBridge bridge = ch.bridge;
        if (bridge != null) {
            bridge.channels.remove(ch);
            emit(CallEvents.bridgeMember("BridgeLeave", bridge, ch));
        }
        exiting.addAll(apps.stopSpiesOn(ch));
        finish(ch, cause);
        if (bridge != null) {
            int peerCause = cause == 0 ? HangupCause.NORMAL_CLEARING.code : cause;
            for (SimChannel peer : List.copyOf(bridge.channels)) {
                bridge.channels.remove(peer);
                emit(CallEvents.bridgeMember("BridgeLeave", bridge, peer));
                emit(CallEvents.bridgeEvent("BridgeDestroy", bridge));
                exiting.addAll(apps.stopSpiesOn(peer));
                finish(peer, peerCause);
            }
        }
        for (SimChannel spyer : exiting) {
            hangup(spyer, HangupCause.NORMAL_CLEARING.code, false);
        }
        updateDeviceStates();
    }

    /** The Hangup event and removal; the channel's timers are cancelled. */
    void finish(SimChannel c, int cause) {
        if (c.hungUp) {
            return;
        }
        c.hungUp = true;
        c.cancelTimer.run();
        c.bridge = null;
        c.app = null;
        emit(CallEvents.hangup(c, cause));
        channels.remove(c.name);
        List<SimChannel> legs = byEndpoint.get(c.endpoint);
        if (legs != null) {
            legs.remove(c);
            if (legs.isEmpty()) {
                byEndpoint.remove(c.endpoint);
            }
        }
        dirty.add(c.endpoint);
    }

    // ---- device state -------------------------------------------------------------------------

    /**
     * Recomputes each phone's device state from its legs (ringing → RINGING, any other leg → INUSE,
     * both → RINGINUSE) and tells the PBX model about changes, which raises DeviceStateChange and
     * ExtensionStatus (Ringing, InUse, InUse&Ringing, Idle) on the hints.
     */
    void updateDeviceStates() {
        for (String ext : List.copyOf(dirty)) {
            dirty.remove(ext);
            boolean ringing = false;
            boolean inUse = false;
            for (SimChannel c : byEndpoint.getOrDefault(ext, List.of())) {
                if (c.activity == SimChannel.Activity.RINGING) {
                    ringing = true;
                } else {
                    inUse = true;
                }
            }
            PbxPort.DeviceState state = ringing && inUse ? PbxPort.DeviceState.RINGINUSE
                    : ringing ? PbxPort.DeviceState.RINGING
                    : inUse ? PbxPort.DeviceState.INUSE : PbxPort.DeviceState.NOT_INUSE;
            PbxPort.DeviceState before = state == PbxPort.DeviceState.NOT_INUSE
                    ? deviceStates.remove(ext) : deviceStates.put(ext, state);
            if ((before == null ? PbxPort.DeviceState.NOT_INUSE : before) != state) {
                pbx.deviceStateChanged(ext, state);
            }
        }
    }
}
