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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The channels of the simulated PBX, the one lock that guards them, and the changes every part of a
 * call makes to a channel with the event each raises. Its helpers — {@link Ringing}, {@link Dial},
 * {@link Hangups}, {@link Apps}, {@link ChanSpies}, {@link MediaReports}, {@link Originator},
 * {@link Redirector}, {@link ChannelControl} — hold this engine as their locked context: they run
 * only inside {@link #locked} (entered by {@link Calls}) or a timer task of {@link #schedule}, and
 * no other class of the package takes a lock. So every state change of every call is serialised,
 * and the events of one call come out in order; subscribers of the event bus must not block.
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
final class CallEngine {

    static final String CONTEXT = "from-internal";
    /** Ring time for a call a phone places; a UCM extension's default ring timeout is 60 s (inferred). */
    static final Duration DIAL_RING_TIMEOUT = Duration.ofSeconds(60);
    /** The ring timeout behind the short-ring prefix: the reference PBX's {@code _610XX} (42b). */
    static final Duration SHORT_RING = Duration.ofSeconds(5);

    private final PbxPort pbx;
    private final Clock clock;
    private final SimScheduler scheduler;
    private final EventBus events;
    private final boolean asterisk13;
    private final Map<String, SimChannel> channels = new LinkedHashMap<>();
    private final Map<String, List<SimChannel>> byEndpoint = new HashMap<>();
    private final PhoneDevices devices;
    /** Channels whose Hangup waits for the leg being ended now (the caller after its callee, 41). */
    private final List<SimChannel> pendingHangups = new ArrayList<>();

    private int channelSeq;
    private int uniqueSeq;
    /** Calls started since start-up (a new linkedid), for {@code core show channels}' last line. */
    private int callsProcessed;

    private final MediaReports media = new MediaReports(this);
    private final ChanSpies spies = new ChanSpies(this);
    private final Ringing ringing = new Ringing(this);
    private final Dial dial = new Dial(this);
    private final Hangups hangups = new Hangups(this);
    private final Apps apps = new Apps(this);

    CallEngine(PbxPort pbx, Clock clock, SimScheduler scheduler, EventBus events, boolean asterisk13) {
        this.pbx = pbx;
        this.clock = clock;
        this.scheduler = scheduler;
        this.events = events;
        this.asterisk13 = asterisk13;
        this.devices = new PhoneDevices(pbx);
    }

    // ---- the lock ---------------------------------------------------------------------------

    /** Runs {@code action} with the engine's lock held: the way in for every caller outside the package. */
    synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs {@code task} after {@code delay} with the engine's lock held, on the scheduler's thread;
     * the returned action cancels it. Every timer of the engine (ring timeout, auto answer, IVR
     * waits, RTCP reports) goes through here.
     */
    Runnable schedule(Duration delay, Runnable task) {
        SimScheduler.Cancellable handle = scheduler.schedule(delay, () -> locked(task));
        return handle::cancel;
    }

    // ---- what the helpers share -------------------------------------------------------------

    PbxPort pbx() {
        return pbx;
    }

    /** Emulating Asterisk 13: Newexten in class call and no DialState (docs/ami.md §7.8 item 11). */
    boolean asterisk13() {
        return asterisk13;
    }

    /** The injected clock's time, for uniqueids, durations and app_dial's timings. */
    long now() {
        return clock.millis();
    }

    void emit(ManagerEvent event) {
        // Every change publishes, so this catches a helper running outside the lock (tests run with -ea).
        assert Thread.holdsLock(this) : "call engine changed without its lock";
        events.publish(event);
    }

    MediaReports media() {
        return media;
    }

    ChanSpies spies() {
        return spies;
    }

    Ringing ringing() {
        return ringing;
    }

    Dial dial() {
        return dial;
    }

    Hangups hangups() {
        return hangups;
    }

    Apps apps() {
        return apps;
    }

    // ---- the channels -----------------------------------------------------------------------

    List<SimChannel> channels() {
        return List.copyOf(channels.values());
    }

    Optional<SimChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** Channels of one extension's phone, oldest first. */
    List<SimChannel> channelsOf(String ext) {
        return List.copyOf(byEndpoint.getOrDefault(ext, List.of()));
    }

    int callsProcessed() {
        return callsProcessed;
    }

    /**
     * A new leg, {@code PJSIP/<endpoint>-%08x}: one counter for all channels, as Asterisk (docs/ami.md
     * §4.1); {@code linkedid} null starts a new call; {@code presetUniqueid} is Originate's
     * {@code ChannelId} (docs/ami.md §3.1), or null.
     */
    SimChannel newChannel(
            String tech,
            String ext,
            String linkedid,
            ChannelState state,
            CallerId caller,
            String exten,
            String presetUniqueid) {
        String uniqueid = presetUniqueid != null ? presetUniqueid : (now() / 1000) + "." + uniqueSeq++;
        if (linkedid == null) {
            callsProcessed++;
        }
        String name = tech + "/" + ext + "-" + String.format(Locale.ROOT, "%08x", channelSeq++);
        SimChannel c = new SimChannel(
                name,
                uniqueid,
                linkedid == null ? uniqueid : linkedid,
                ext,
                state,
                caller,
                CONTEXT,
                exten,
                now(),
                UUID.randomUUID().toString());
        channels.put(name, c);
        byEndpoint.computeIfAbsent(ext, k -> new ArrayList<>(1)).add(c);
        devices.changed(ext);
        emit(CallEvents.channelEvent("Newchannel", c));
        return c;
    }

    void setState(SimChannel c, ChannelState state) {
        if (c.moveTo(state)) {
            emit(CallEvents.channelEvent("Newstate", c));
        }
    }

    void newexten(SimChannel c, String exten, int priority, String app, String data) {
        c.step(exten, priority, app, data);
        emit(CallEvents.newexten(c, asterisk13));
    }

    /** Caller ID and connected line set together, as Originate does (docs/ami.md §3.1, transcript 09). */
    void setCallerAndConnected(SimChannel c, CallerId caller, CallerId connected) {
        c.caller(caller);
        emit(CallEvents.newCallerid(c));
        setConnected(c, connected);
    }

    void setConnected(SimChannel c, CallerId connected) {
        c.connected(connected);
        emit(CallEvents.channelEvent("NewConnectedLine", c));
    }

    /** Sets a channel variable and publishes its VarSet (class dialplan). */
    void setVar(SimChannel c, String name, String value) {
        c.variable(name, value);
        emit(CallEvents.varSet(c, name, value));
    }

    // ---- the end of a leg -------------------------------------------------------------------

    /** The leg's RTPAUDIOQOS (if it had media and has not reported), its Hangup and removal. */
    void finish(SimChannel c, int cause) {
        if (c.hungUp()) {
            return;
        }
        media.reportQos(c, null);
        c.markHungUp();
        emit(CallEvents.hangup(c, cause));
        channels.remove(c.name);
        List<SimChannel> legs = byEndpoint.get(c.endpoint);
        if (legs != null) {
            legs.remove(c);
            if (legs.isEmpty()) {
                byEndpoint.remove(c.endpoint);
            }
        }
        devices.changed(c.endpoint);
        pendingHangups.remove(c);
    }

    /** {@code c}'s Hangup follows that of the leg being ended now (the Dial caller after its callee, 41). */
    void hangupAfter(SimChannel c) {
        pendingHangups.add(c);
    }

    void flushPendingHangups() {
        while (!pendingHangups.isEmpty()) {
            SimChannel c = pendingHangups.remove(0);
            finish(c, c.hangupCause() == null ? HangupCause.NORMAL_CLEARING.code : c.hangupCause());
        }
    }

    // ---- device state -----------------------------------------------------------------------

    /** The phone of {@code ext} started or stopped ringing: its device state is due for an update. */
    void deviceChanged(String ext) {
        devices.changed(ext);
    }

    /** Tells the PBX model the device states that changed since the last update ({@link PhoneDevices}). */
    void updateDeviceStates() {
        devices.update(byEndpoint);
    }
}
