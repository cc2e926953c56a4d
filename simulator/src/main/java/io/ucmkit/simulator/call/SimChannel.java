package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated channel: a phone's leg of a call ({@code PJSIP/<ext>-%08x}). Mutable, guarded by
 * the {@link CallEngine} lock; snapshots for events are built from it at emission time.
 */
final class SimChannel {

    final String name;
    final String uniqueid;
    final String linkedid;
    /** The extension whose phone this leg belongs to. */
    final String endpoint;

    final long createdMillis;

    ChannelState state;
    CallerId caller = CallerId.UNKNOWN;
    CallerId connected = CallerId.UNKNOWN;
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String appData = "";
    SimBridge bridge;
    boolean hungUp;
    /** What the leg is doing right now; decides how answer/hangup/DTMF are handled. */
    Activity activity = Activity.IDLE;
    /** Scheduled ring timeout or auto answer, cancelled when the state moves on. */
    Runnable cancelTimer = () -> {};

    final Map<String, String> variables = new LinkedHashMap<>();
    /** Set on a leg that rings towards its phone: the dial attempt waiting for its answer. */
    DialAttempt inbound;
    /** Set on a leg whose phone placed a call that is still ringing at the far end. */
    DialAttempt outbound;
    /** The application the leg runs ({@link Activity#APP}), receiving its DTMF. */
    DigitListener app;
    /** RTP flows on the leg (it was answered): RTCP reports, RTPAUDIOQOS variables at hangup. */
    boolean media;
    /** RTPAUDIOQOS already set (a phone's BYE sets it before the HangupRequest, transcript 40). */
    boolean qosReported;
    /** Stops the leg's RTCP reports. */
    Runnable cancelRtcp = () -> {};
    /** The cause its Hangup carries when the leg ends for another leg's reason (app_dial copies the callee's). */
    Integer hangupCause;
    /** The SIP answer that ended it (486, 603), printed as {@code TechCause} on its HangupRequest and Hangup (41). */
    Integer techCause;
    /** The Dial this leg runs, while it runs (it is the caller): the dialplan step after it. */
    DialStep dialStep;
    /** Running the dialplan (not an Originate's application): the PBX's SoftHangupRequest ends it. */
    boolean inDialplan;
    /** What the running application does when the leg hangs up (Read: HANGUP, 44). */
    Runnable onHangup = () -> {};
    /** Its BRIDGEPVTCALLID: the SIP Call-ID of its dialog (a UUID here). */
    String pvtCallId;

    SimChannel(
            String name,
            String uniqueid,
            String linkedid,
            String endpoint,
            ChannelState state,
            String context,
            String exten,
            long createdMillis) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.endpoint = endpoint;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdMillis = createdMillis;
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

    @Override
    public String toString() {
        return name;
    }
}
