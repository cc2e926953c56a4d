package io.ucmkit.simulator.call;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of a leg by its phone's BYE or an AMI Hangup, with what it takes down: the ringing it
 * was, the bridge it was in, the application it ran, the spies on it (transcripts 40, 44–46).
 * Called with the {@link CallEngine}'s lock held.
 */
final class Hangups {

    private final CallEngine engine;

    Hangups(CallEngine engine) {
        this.engine = engine;
    }

    /**
     * A phone's BYE ({@code remote}) or an AMI Hangup of {@code ch}. A ringing leg is rejected
     * ({@link Ringing#reject}). A bridged leg (40, 45): its RTPAUDIOQOS (with the peer's …BRIDGED
     * copies), HangupRequest, BRIDGEPEER cleared on both, BridgeLeave of both, the Dial caller's
     * ANSWEREDTIME/DIALEDTIME/DIALSTATUS and SoftHangupRequest, BridgeDestroy, the leg's Hangup,
     * the peer's Hangup. A leg running an application (IVR Read, ChanSpy: 44, 45): RTPAUDIOQOS,
     * a HangupRequest without Cause, the application's end, Hangup cause 0. AMI Hangup flags the
     * channel only: no HangupRequest (surprise 26).
     */
    void hangup(SimChannel ch, int cause, boolean remote) {
        if (ch.hungUp()) {
            return;
        }
        if (ch.inbound() != null) {
            engine.ringing().reject(ch.inbound(), cause == 0 ? HangupCause.NORMAL_CLEARING.code : cause, null);
            engine.flushPendingHangups();
            return;
        }
        SimBridge bridge = ch.bridge();
        SimChannel peer = Dial.peerOf(ch);
        boolean inApplication = bridge == null
                && ch.outbound() == null
                && (ch.activity() == SimChannel.Activity.APP || ch.activity() == SimChannel.Activity.SPYING);
        if (remote) {
            engine.media().reportQos(ch, peer);
            engine.emit(CallEvents.hangupRequest("HangupRequest", ch, inApplication ? null : cause));
        }
        if (ch.outbound() != null) {
            engine.ringing().cancel(ch.outbound());
        }
        List<SimChannel> exiting = new ArrayList<>();
        ChanSpies spies = engine.spies();
        spies.stopSpying(ch);
        if (inApplication) {
            engine.apps().applicationEnds(ch);
            cause = remote ? HangupCause.NOT_DEFINED.code : cause;
        }
        if (bridge != null) {
            for (SimChannel c : List.of(ch, peer)) {
                engine.setVar(c, "BRIDGEPEER", "");
                engine.setVar(c, "BRIDGEPVTCALLID", "");
            }
            for (SimChannel c : List.of(ch, peer)) {
                bridge.channels.remove(c);
                engine.emit(CallEvents.bridgeMember("BridgeLeave", bridge, c));
            }
            SimChannel dialler = ch.dialStep() != null ? ch : peer;
            engine.dial().returnsAnswered(dialler);
            if (dialler == peer) {
                engine.emit(CallEvents.hangupRequest("SoftHangupRequest", peer, HangupCause.NORMAL_CLEARING.code));
            }
            engine.emit(CallEvents.bridgeEvent("BridgeDestroy", bridge));
        }
        exiting.addAll(spies.stopSpiesOn(ch));
        engine.finish(ch, cause);
        if (bridge != null) {
            exiting.addAll(spies.stopSpiesOn(peer));
            engine.finish(peer, cause == 0 ? HangupCause.NORMAL_CLEARING.code : cause);
        }
        engine.flushPendingHangups();
        for (SimChannel spyer : exiting) {
            spies.spyExited(spyer);
        }
        engine.updateDeviceStates();
    }
}
