package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated channel: a phone's leg of a call ({@code PJSIP/<ext>-%08x}). Mutable, and changed
 * only through its methods, by the engine's classes while they hold the {@link CallEngine} lock;
 * snapshots for events are built from it at emission time. The methods only record state: the
 * events a change raises are the engine's to publish. Over 300 lines only because each of its
 * fifteen pieces of state has its own small accessors; it holds no logic to split off.
 */
final class SimChannel {

    final String name;
    final String uniqueid;
    final String linkedid;
    /** The extension whose phone this leg belongs to. */
    final String endpoint;

    final long createdMillis;
    /** Its BRIDGEPVTCALLID: the SIP Call-ID of its dialog (a UUID here). */
    final String pvtCallId;

    private ChannelState state;
    private CallerId caller;
    private CallerId connected = CallerId.UNKNOWN;
    private String context;
    private String exten;
    private int priority = 1;
    private String application = "";
    private String appData = "";
    private SimBridge bridge;
    private boolean hungUp;
    /** What the leg is doing right now; decides how answer/hangup/DTMF are handled. */
    private Activity activity = Activity.IDLE;
    /** Scheduled ring timeout, auto answer or application timer, cancelled when the state moves on. */
    private Runnable cancelTimer = () -> {};

    private final Map<String, String> variables = new LinkedHashMap<>();
    /** Set on a leg that rings towards its phone: the dial attempt waiting for its answer. */
    private DialAttempt inbound;
    /** Set on a leg whose phone placed a call that is still ringing at the far end. */
    private DialAttempt outbound;
    /** The application the leg runs ({@link Activity#APP}), receiving its DTMF. */
    private DigitListener app;
    /** What the running application does when the leg hangs up (Read: HANGUP, 44). */
    private Runnable onHangup = () -> {};
    /** RTP flows on the leg (it was answered): RTCP reports, RTPAUDIOQOS variables at hangup. */
    private boolean media;
    /** RTPAUDIOQOS already set (a phone's BYE sets it before the HangupRequest, transcript 40). */
    private boolean qosReported;
    /** Stops the leg's RTCP reports. */
    private Runnable cancelRtcp = () -> {};
    /** The cause its Hangup carries when the leg ends for another leg's reason (app_dial copies the callee's). */
    private Integer hangupCause;
    /** The SIP answer that ended it (486, 603), printed as {@code TechCause} on its HangupRequest and Hangup (41). */
    private Integer techCause;
    /** The Dial this leg runs, while it runs (it is the caller): the dialplan step after it. */
    private DialStep dialStep;
    /** Running the dialplan (not an Originate's application): the PBX's SoftHangupRequest ends it. */
    private boolean inDialplan;

    SimChannel(
            String name,
            String uniqueid,
            String linkedid,
            String endpoint,
            ChannelState state,
            CallerId caller,
            String context,
            String exten,
            long createdMillis,
            String pvtCallId) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.endpoint = endpoint;
        this.state = state;
        this.caller = caller;
        this.context = context;
        this.exten = exten;
        this.createdMillis = createdMillis;
        this.pvtCallId = pvtCallId;
    }

    enum Activity {
        /** Not ringing and not bridged (e.g. just created, or in an application). */
        IDLE,
        /** Ringing towards its phone (an inbound leg waiting for answer). */
        RINGING,
        /** Its phone placed the call and the far end is ringing. */
        DIALLING,
        /** In a two-party bridge. */
        BRIDGED,
        /** Answered and running an application: IVR, presence prompt, Playback/Wait. */
        APP,
        /** Running ChanSpy. */
        SPYING
    }

    ChannelSnapshot snapshot() {
        return new ChannelSnapshot(name, state, caller, connected, context, exten, priority, uniqueid, linkedid);
    }

    // ---- where it is in the dialplan, and who it talks to

    ChannelState state() {
        return state;
    }

    /** Moves to {@code next}; false when it was in that state already (no Newstate then). */
    boolean moveTo(ChannelState next) {
        boolean changed = state != next;
        state = next;
        return changed;
    }

    CallerId caller() {
        return caller;
    }

    void caller(CallerId id) {
        caller = id;
    }

    CallerId connected() {
        return connected;
    }

    void connected(CallerId id) {
        connected = id;
    }

    String context() {
        return context;
    }

    void context(String value) {
        context = value;
    }

    String exten() {
        return exten;
    }

    void exten(String value) {
        exten = value;
    }

    int priority() {
        return priority;
    }

    String application() {
        return application;
    }

    String appData() {
        return appData;
    }

    /** A dialplan step: the Newexten's extension, priority, application and data. */
    void step(String stepExten, int stepPriority, String stepApp, String data) {
        exten = stepExten;
        priority = stepPriority;
        runs(stepApp, data);
    }

    /** The application it runs, as Status and CoreShowChannels show it. */
    void runs(String stepApp, String data) {
        application = stepApp;
        appData = data == null ? "" : data;
    }

    boolean inDialplan() {
        return inDialplan;
    }

    void inDialplan(boolean value) {
        inDialplan = value;
    }

    // ---- variables

    /** Its variables in the order they were first set. */
    Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    void variable(String variable, String value) {
        variables.put(variable, value);
    }

    /** Drops a variable, so that setting it again puts it last (pbx_builtin_setvar_helper). */
    void forget(String variable) {
        variables.remove(variable);
    }

    void presetVariables(Map<String, String> values) {
        variables.putAll(values);
    }

    // ---- what it is doing

    Activity activity() {
        return activity;
    }

    void activity(Activity value) {
        activity = value;
    }

    SimBridge bridge() {
        return bridge;
    }

    void bridge(SimBridge value) {
        bridge = value;
    }

    DialAttempt inbound() {
        return inbound;
    }

    void inbound(DialAttempt attempt) {
        inbound = attempt;
    }

    DialAttempt outbound() {
        return outbound;
    }

    void outbound(DialAttempt attempt) {
        outbound = attempt;
    }

    DialStep dialStep() {
        return dialStep;
    }

    void dialStep(DialStep step) {
        dialStep = step;
    }

    /** The timer that runs for it now (ring timeout, auto answer, key wait), cancelled when the state moves on. */
    void timer(Runnable cancel) {
        cancelTimer = cancel;
    }

    void cancelTimer() {
        cancelTimer.run();
        cancelTimer = () -> {};
    }

    DigitListener app() {
        return app;
    }

    /** The application reading its keys; null when none does. */
    void app(DigitListener listener) {
        app = listener;
    }

    /** What its application does when the leg hangs up. */
    void onHangup(Runnable action) {
        onHangup = action;
    }

    /** The application's hangup action, handed over once. */
    Runnable takeOnHangup() {
        Runnable end = onHangup;
        onHangup = () -> {};
        return end;
    }

    // ---- media

    /** Media starts flowing; false when it already did. */
    boolean startMedia() {
        boolean first = !media;
        media = true;
        return first;
    }

    /** True once, for a leg with media whose RTPAUDIOQOS is not set yet. */
    boolean takeQosReport() {
        if (!media || qosReported) {
            return false;
        }
        qosReported = true;
        return true;
    }

    void rtcp(Runnable cancel) {
        cancelRtcp = cancel;
    }

    void cancelRtcp() {
        cancelRtcp.run();
    }

    // ---- the end

    boolean hungUp() {
        return hungUp;
    }

    /** Marks the leg gone: its timers stop, it leaves its bridge and application. */
    void markHungUp() {
        hungUp = true;
        cancelTimer();
        cancelRtcp();
        bridge = null;
        app = null;
    }

    Integer hangupCause() {
        return hangupCause;
    }

    void hangupCause(Integer cause) {
        hangupCause = cause;
    }

    Integer techCause() {
        return techCause;
    }

    void techCause(Integer sipAnswer) {
        techCause = sipAnswer;
    }

    @Override
    public String toString() {
        return name;
    }
}
