package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.event.ManagerEvent;
import io.ucmkit.simulator.time.SimScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The channels, dial attempts and bridges of the simulated PBX, and the event sequences they
 * produce. Every state change runs under this object's lock, so events of one call come out in
 * order; subscribers of the event bus must not block.
 *
 * <p>The sequences are those of a real Asterisk 20 with PJSIP phones (transcripts 40–46): one
 * channel per phone leg ({@code PJSIP/1000-0000000b}); a leg created with its endpoint's own caller
 * ID; Dial events on the dialled leg; app_dial's DIAL* variables; bridges {@code simple_bridge}
 * then {@code native_rtp}; RTCP reports and RTPAUDIOQOS variables for legs with media; the hangup
 * causes of the SIP answers (486 → 17 BUSY, 603 → 21, no contact → CHANUNAVAIL and 3). The
 * recordings do not fix the interleaving of different channels', devices' and hints' events (two
 * recordings of one call differ), so within a channel the order is the recorded one and across
 * channels it is one of the recorded ones.
 */
public final class CallEngine {

    static final String CONTEXT = "from-internal";
    /** Ring time for a call a phone places; a UCM extension's default ring timeout is 60 s (inferred). */
    static final Duration DIAL_RING_TIMEOUT = Duration.ofSeconds(60);
    /** The ring timeout behind the short-ring prefix: the reference PBX's {@code _610XX} (42b). */
    static final Duration SHORT_RING = Duration.ofSeconds(5);

    final PbxPort pbx;
    private final Clock clock;
    private final SimScheduler scheduler;
    private final EventBus events;
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
    final MediaReports media;

    CallEngine(PbxPort pbx, Clock clock, SimScheduler scheduler, EventBus events, boolean asterisk13) {
        this.pbx = pbx;
        this.clock = clock;
        this.scheduler = scheduler;
        this.events = events;
        this.asterisk13 = asterisk13;
        this.apps = new Apps(this);
        this.media = new MediaReports(this);
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
        return (now() / 1000) + "." + uniqueSeq++;
    }

    /** {@code PJSIP/<endpoint>-%08x}: one counter for all channels, as Asterisk (AMI.md §4.1). */
    SimChannel newChannel(String tech, String ext, String linkedid, ChannelState state, CallerId caller, String exten) {
        return newChannel(tech, ext, linkedid, state, caller, exten, null);
    }

    /** As above; {@code presetUniqueid} is Originate's {@code ChannelId} (AMI.md §3.1). */
    SimChannel newChannel(
            String tech,
            String ext,
            String linkedid,
            ChannelState state,
            CallerId caller,
            String exten,
            String presetUniqueid) {
        String uniqueid = presetUniqueid != null ? presetUniqueid : nextUniqueid();
        if (linkedid == null) {
            callsProcessed++;
        }
        String name = tech + "/" + ext + "-" + String.format(Locale.ROOT, "%08x", channelSeq++);
        SimChannel c = new SimChannel(
                name, uniqueid, linkedid == null ? uniqueid : linkedid, ext, state, CONTEXT, exten, now());
        c.caller = caller;
        c.pvtCallId = UUID.randomUUID().toString();
        channels.put(name, c);
        byEndpoint.computeIfAbsent(ext, k -> new ArrayList<>(1)).add(c);
        dirty.add(ext);
        emit(CallEvents.channelEvent("Newchannel", c));
        return c;
    }

    void emit(ManagerEvent event) {
        events.publish(event);
    }

    /** The injected clock's time, for uniqueids, durations and app_dial's timings. */
    long now() {
        return clock.millis();
    }

    /**
     * Runs {@code task} after {@code delay} with the engine's lock held, on the scheduler's thread;
     * the returned action cancels it. Every timer of the engine (ring timeout, auto answer, IVR
     * waits, RTCP reports) goes through here, so no helper takes the lock itself.
     */
    Runnable schedule(Duration delay, Runnable task) {
        SimScheduler.Cancellable handle = scheduler.schedule(delay, () -> {
            synchronized (this) {
                task.run();
            }
        });
        return handle::cancel;
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

    /** Sets a channel variable and publishes its VarSet (class dialplan). */
    void setVar(SimChannel c, String name, String value) {
        c.variables.put(name, value);
        emit(CallEvents.varSet(c, name, value));
    }

    // ---- ringing a phone ----------------------------------------------------------------------

    /**
     * Rings {@code attempt.dest}'s phone per its answer mode. An Originate leg (no caller):
     * DialBegin, Newstate Ringing, DialState RINGING (40). A Dial leg: DialBegin, the caller's
     * connected line becomes the callee, Newstate Ringing, the caller's RINGTIME, DialState (40).
     * A busy phone answers 486 at once, without ringing; the others ring and then reject with
     * their {@code declineWith} answer, answer after the auto-answer delay, or wait for the
     * control API or the timeout.
     */
    void ring(DialAttempt attempt, PbxPort.Phone phone, Duration timeout) {
        SimChannel dest = attempt.dest;
        SimChannel caller = attempt.caller;
        dest.inbound = attempt;
        if (caller != null) {
            caller.outbound = attempt;
            caller.activity = SimChannel.Activity.DIALLING;
        }
        emit(CallEvents.dial("DialBegin", caller, dest, "DialString", attempt.dialString));
        if (phone.mode() == PbxPort.AnswerMode.BUSY) {
            rejectLeg(attempt, HangupCause.USER_BUSY.code, 486);
            return;
        }
        dest.activity = SimChannel.Activity.RINGING;
        dirty.add(dest.endpoint);
        if (caller != null) {
            caller.connected = dest.caller;
            emit(CallEvents.channelEvent("NewConnectedLine", caller));
        }
        setState(dest, ChannelState.RINGING);
        if (caller != null && caller.dialStep != null) {
            DialStep step = caller.dialStep;
            step.ringingMillis = now();
            long ms = step.ringingMillis - step.startedMillis;
            setVar(caller, "RINGTIME", Long.toString(ms / 1000));
            setVar(caller, "RINGTIME_MS", Long.toString(ms));
        }
        if (!asterisk13) {
            emit(CallEvents.dial("DialState", caller, dest, "DialStatus", "RINGING"));
        }
        updateDeviceStates();
        switch (phone.mode()) {
            case DECLINE -> rejectLeg(attempt, phone.declineCause(), phone.declineWith());
            case AUTO -> {
                Runnable cancel = schedule(phone.autoAnswerDelay(), () -> {
                    if (dest.inbound == attempt && !dest.hungUp) {
                        answerLeg(dest);
                    }
                });
                dest.cancelTimer = cancel;
                armTimeout(attempt, timeout);
            }
            default -> armTimeout(attempt, timeout);
        }
    }

    private void armTimeout(DialAttempt attempt, Duration timeout) {
        attempt.cancelTimeout = schedule(timeout, () -> {
            if (attempt.dest.inbound == attempt && !attempt.dest.hungUp) {
                timeoutLeg(attempt);
            }
        });
    }

    /**
     * The ringing phone answers. Originate leg: Newstate Up, DialEnd ANSWER, then the Originate
     * goes on (40). Dial leg: Newstate Up, the caller's DIALSTATUS/DIALEDPEER*, DialEnd ANSWER
     * (the callee's exten already cleared), then the bridge (40).
     */
    void answerLeg(SimChannel dest) {
        DialAttempt a = dest.inbound;
        a.cancelTimeout.run();
        dest.cancelTimer.run();
        dest.inbound = null;
        SimChannel caller = a.caller;
        if (caller != null) {
            caller.outbound = null;
        }
        dest.activity = SimChannel.Activity.IDLE;
        dirty.add(dest.endpoint);
        setState(dest, ChannelState.UP);
        media.start(dest);
        if (caller != null && caller.dialStep != null) {
            caller.dialStep.answeredMillis = now();
            setVar(caller, "DIALSTATUS", "ANSWER");
            setVar(caller, "DIALEDPEERNAME", dest.name);
            setVar(caller, "DIALEDPEERNUMBER", a.dialString);
            dest.exten = "";
        }
        emit(CallEvents.dial("DialEnd", caller, dest, "DialStatus", "ANSWER"));
        updateDeviceStates();
        a.onAnswer.run();
        updateDeviceStates();
    }

    /**
     * The phone rejects the ringing leg with a SIP answer: its HangupRequest with the cause
     * (486 → 17, 603 → 21) and the answer as TechCause, DialEnd with app_dial's status for that cause (BUSY, or NOANSWER for
     * 21: {@code ast_hangup_cause_to_dial_status}), then the attempt's continuation (41, 43).
     */
    void rejectLeg(DialAttempt a, int cause, Integer sipAnswer) {
        SimChannel dest = a.dest;
        dest.techCause = sipAnswer;
        emit(CallEvents.hangupRequest("HangupRequest", dest, cause));
        endRinging(a);
        emit(CallEvents.dial("DialEnd", a.caller, dest, "DialStatus", HangupCause.dialStatus(cause)));
        if (a.caller != null) {
            a.caller.hangupCause = cause;
            a.caller.techCause = sipAnswer;
        }
        a.onFail.accept(new DialFailure(cause, dest));
        finish(dest, cause);
        flushPendingHangups();
        updateDeviceStates();
    }

    /** The ring timeout: DialEnd NOANSWER, no HangupRequest, the callee's Hangup with cause 0 (42b). */
    void timeoutLeg(DialAttempt a) {
        endRinging(a);
        emit(CallEvents.dial("DialEnd", a.caller, a.dest, "DialStatus", "NOANSWER"));
        a.onFail.accept(new DialFailure(HangupCause.NO_ANSWER.code, a.dest));
        finish(a.dest, HangupCause.NOT_DEFINED.code);
        flushPendingHangups();
        updateDeviceStates();
    }

    /** The caller gives up while the callee rings: DialEnd CANCEL, the callee's Hangup (cause 16). */
    void cancelLeg(DialAttempt a) {
        endRinging(a);
        emit(CallEvents.dial("DialEnd", a.caller, a.dest, "DialStatus", "CANCEL"));
        finish(a.dest, HangupCause.NORMAL_CLEARING.code);
    }

    private void endRinging(DialAttempt a) {
        a.cancelTimeout.run();
        a.dest.cancelTimer.run();
        a.dest.inbound = null;
        if (a.caller != null) {
            a.caller.outbound = null;
            a.caller.activity = SimChannel.Activity.IDLE;
        }
    }

    /** Why a dial attempt failed, and the leg that was dialled (null when none could be created). */
    record DialFailure(int cause, SimChannel dest) {}

    // ---- dialling between phones --------------------------------------------------------------

    /**
     * {@code Dial(PJSIP/<ext>,<timeout>)} from {@code caller} (40): Newexten Dial, app_dial's DIAL*
     * variables cleared, the callee's Newchannel with its own caller ID, its DIALEDPEERNUMBER,
     * its AppDial Newexten (connected line = the caller), NewConnectedLine, then ringing. An
     * unregistered phone gets no channel at all: DIALSTATUS CHANUNAVAIL and cause 3, No route to
     * destination (42c). {@code afterDialExten} runs after the Newexten (where an Originate's
     * OriginateResponse falls, 40).
     */
    void dialExtension(
            SimChannel caller, PbxPort.Phone phone, String exten, Duration timeout, Runnable afterDialExten) {
        String number = phone.ext();
        newexten(caller, exten, 1, "Dial", phone.tech() + "/" + number + "," + timeout.toSeconds());
        afterDialExten.run();
        caller.dialStep = new DialStep(now(), 2);
        for (String v : List.of(
                "DIALSTATUS",
                "DIALEDPEERNUMBER",
                "DIALEDPEERNAME",
                "ANSWEREDTIME",
                "ANSWEREDTIME_MS",
                "DIALEDTIME",
                "DIALEDTIME_MS",
                "RINGTIME",
                "RINGTIME_MS",
                "PROGRESSTIME",
                "PROGRESSTIME_MS")) {
            setVar(caller, v, "");
        }
        if (!phone.registered()) {
            // chan_pjsip finds no contact: the request fails as a 404 would (TechCause 404, 42c)
            caller.techCause = 404;
            dialFailed(caller, "CHANUNAVAIL", HangupCause.NO_ROUTE_DESTINATION.code);
            return;
        }
        SimChannel dest = newChannel(
                phone.tech(), number, caller.linkedid, ChannelState.DOWN, new CallerId(phone.name(), number), "s");
        setVar(dest, "DIALEDPEERNUMBER", number);
        dest.connected = caller.caller;
        newexten(dest, exten, 1, "AppDial", "(Outgoing Line)");
        emit(CallEvents.channelEvent("NewConnectedLine", dest));
        DialAttempt attempt = new DialAttempt(
                caller,
                dest,
                number,
                () -> {
                    if (caller.state != ChannelState.UP) {
                        setState(caller, ChannelState.UP);
                    }
                    bridge(caller, dest);
                },
                failure -> {
                    int cause = failure.cause();
                    String status = switch (cause) {
                        case 17 -> "BUSY";
                        case 19 -> "NOANSWER";
                        // app_dial's handle_cause: any other cause of a leg that was rung counts as "no channel"
                        default -> "CHANUNAVAIL";
                    };
                    if (cause == HangupCause.NO_ANSWER.code) {
                        caller.hangupCause = HangupCause.NORMAL_CLEARING.code;
                    }
                    dialFailed(caller, status, null);
                });
        ring(attempt, phone, timeout);
    }

    /**
     * Dial returned without a bridge: DIALSTATUS, then the dialplan's {@code Hangup()} (41, 42):
     * Newexten Hangup, SoftHangupRequest 16; the caller's Hangup follows the callee's, with the
     * callee's cause (17) or 16 after a ring timeout, or {@code ownCause} when nothing was rung.
     */
    private void dialFailed(SimChannel caller, String status, Integer ownCause) {
        setVar(caller, "DIALSTATUS", status);
        DialStep step = caller.dialStep;
        caller.dialStep = null;
        newexten(caller, caller.exten, step.nextPriority, "Hangup", "");
        emit(CallEvents.hangupRequest("SoftHangupRequest", caller, HangupCause.NORMAL_CLEARING.code));
        pendingHangups.add(caller);
        if (ownCause != null) {
            // nothing was rung, so no callee Hangup comes first: the caller ends now (42c)
            caller.hangupCause = ownCause;
            flushPendingHangups();
            updateDeviceStates();
        }
    }

    /** Channels whose Hangup waits for the leg being ended now (the caller after its callee, 41). */
    private final List<SimChannel> pendingHangups = new ArrayList<>();

    /**
     * Both legs enter a new bridge (40): BridgeCreate, the callee's AppDial Newexten with its exten
     * cleared, BridgeEnter callee then caller, BRIDGEPEER/BRIDGEPVTCALLID on both, three times
     * (the bridge's three peer updates: each enter and the switch to native_rtp).
     */
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
        bridge.announceOrder = List.of(caller, callee);
        bridgePeerUpdates(bridge, 3);
        bridge.technology = "native_rtp";
        apps.attachWaitingSpies();
    }

    /**
     * {@code rounds} peer updates of a two-party bridge: BRIDGEPEER and BRIDGEPVTCALLID on the
     * caller, then on the callee, per round (40: three when the bridge forms).
     */
    void bridgePeerUpdates(SimBridge bridge, int rounds) {
        if (bridge == null || bridge.announceOrder.size() != 2) {
            return;
        }
        for (int round = 0; round < rounds; round++) {
            for (SimChannel c : bridge.announceOrder) {
                SimChannel peer =
                        c == bridge.announceOrder.get(0) ? bridge.announceOrder.get(1) : bridge.announceOrder.get(0);
                setVar(c, "BRIDGEPEER", peer.name);
                setVar(c, "BRIDGEPVTCALLID", c.pvtCallId);
            }
        }
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
     * A phone's BYE ({@code remote}) or an AMI Hangup of {@code ch}. A ringing leg is rejected
     * ({@link #rejectLeg}). A bridged leg (40, 45): its RTPAUDIOQOS (with the peer's …BRIDGED
     * copies), HangupRequest, BRIDGEPEER cleared on both, BridgeLeave of both, the Dial caller's
     * ANSWEREDTIME/DIALEDTIME/DIALSTATUS and SoftHangupRequest, BridgeDestroy, the leg's Hangup,
     * the peer's Hangup. A leg running an application (IVR Read, ChanSpy: 44, 45): RTPAUDIOQOS,
     * a HangupRequest without Cause, the application's end, Hangup cause 0. AMI Hangup flags the
     * channel only: no HangupRequest (surprise 26).
     */
    void hangup(SimChannel ch, int cause, boolean remote) {
        if (ch.hungUp) {
            return;
        }
        if (ch.inbound != null) {
            rejectLeg(ch.inbound, cause == 0 ? HangupCause.NORMAL_CLEARING.code : cause, null);
            flushPendingHangups();
            return;
        }
        SimBridge bridge = ch.bridge;
        SimChannel peer = peerOf(ch);
        boolean inApplication = bridge == null
                && ch.outbound == null
                && (ch.activity == SimChannel.Activity.APP || ch.activity == SimChannel.Activity.SPYING);
        if (remote) {
            media.reportQos(ch, peer);
            emit(CallEvents.hangupRequest("HangupRequest", ch, inApplication ? null : cause));
        }
        if (ch.outbound != null) {
            cancelLeg(ch.outbound);
        }
        List<SimChannel> exiting = new ArrayList<>();
        apps.stopSpying(ch);
        if (inApplication) {
            apps.applicationEnds(ch);
            cause = remote ? HangupCause.NOT_DEFINED.code : cause;
        }
        if (bridge != null) {
            for (SimChannel c : List.of(ch, peer)) {
                setVar(c, "BRIDGEPEER", "");
                setVar(c, "BRIDGEPVTCALLID", "");
            }
            for (SimChannel c : List.of(ch, peer)) {
                bridge.channels.remove(c);
                emit(CallEvents.bridgeMember("BridgeLeave", bridge, c));
            }
            SimChannel dialler = ch.dialStep != null ? ch : peer;
            dialReturnsAnswered(dialler);
            if (dialler == peer) {
                emit(CallEvents.hangupRequest("SoftHangupRequest", peer, HangupCause.NORMAL_CLEARING.code));
            }
            emit(CallEvents.bridgeEvent("BridgeDestroy", bridge));
        }
        exiting.addAll(apps.stopSpiesOn(ch));
        finish(ch, cause);
        if (bridge != null) {
            exiting.addAll(apps.stopSpiesOn(peer));
            finish(peer, cause == 0 ? HangupCause.NORMAL_CLEARING.code : cause);
        }
        flushPendingHangups();
        for (SimChannel spyer : exiting) {
            apps.spyExited(spyer);
        }
        updateDeviceStates();
    }

    /** app_dial's variables when a bridged call ends (40): ANSWEREDTIME*, DIALEDTIME*, DIALSTATUS. */
    private void dialReturnsAnswered(SimChannel dialler) {
        DialStep step = dialler.dialStep;
        if (step == null) {
            return;
        }
        dialler.dialStep = null;
        long now = now();
        long answered = now - (step.answeredMillis < 0 ? now : step.answeredMillis);
        long dialled = now - step.startedMillis;
        setVar(dialler, "ANSWEREDTIME", Long.toString(answered / 1000));
        setVar(dialler, "ANSWEREDTIME_MS", Long.toString(answered));
        setVar(dialler, "DIALEDTIME", Long.toString(dialled / 1000));
        setVar(dialler, "DIALEDTIME_MS", Long.toString(dialled));
        setVar(dialler, "DIALSTATUS", "ANSWER");
    }

    private void flushPendingHangups() {
        while (!pendingHangups.isEmpty()) {
            SimChannel c = pendingHangups.remove(0);
            finish(c, c.hangupCause == null ? HangupCause.NORMAL_CLEARING.code : c.hangupCause);
        }
    }

    /** The leg's RTPAUDIOQOS (if it had media and has not reported), its Hangup and removal. */
    void finish(SimChannel c, int cause) {
        if (c.hungUp) {
            return;
        }
        media.reportQos(c, null);
        c.hungUp = true;
        c.cancelTimer.run();
        c.cancelRtcp.run();
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
        pendingHangups.remove(c);
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
            PbxPort.DeviceState state = ringing && inUse
                    ? PbxPort.DeviceState.RINGINUSE
                    : ringing
                            ? PbxPort.DeviceState.RINGING
                            : inUse ? PbxPort.DeviceState.INUSE : PbxPort.DeviceState.NOT_INUSE;
            PbxPort.DeviceState before =
                    state == PbxPort.DeviceState.NOT_INUSE ? deviceStates.remove(ext) : deviceStates.put(ext, state);
            if ((before == null ? PbxPort.DeviceState.NOT_INUSE : before) != state) {
                pbx.deviceStateChanged(ext, state);
            }
        }
    }
}
