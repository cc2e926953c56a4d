package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * app_dial between phones and the bridge it makes (transcripts 40–42): {@code Dial(PJSIP/<ext>,<timeout>)}
 * with its DIAL* variables, the two-party bridge and its peer updates, and what Dial sets when it
 * returns. Called with the {@link CallEngine}'s lock held.
 */
final class Dial {

    private static final List<String> DIAL_VARIABLES = List.of(
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
            "PROGRESSTIME_MS");

    private final CallEngine engine;

    Dial(CallEngine engine) {
        this.engine = engine;
    }

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
        engine.newexten(caller, exten, 1, "Dial", phone.tech() + "/" + number + "," + timeout.toSeconds());
        afterDialExten.run();
        caller.dialStep(new DialStep(engine.now(), 2));
        for (String v : DIAL_VARIABLES) {
            engine.setVar(caller, v, "");
        }
        if (!phone.registered()) {
            // chan_pjsip finds no contact: the request fails as a 404 would (TechCause 404, 42c)
            caller.techCause(404);
            dialFailed(caller, "CHANUNAVAIL", HangupCause.NO_ROUTE_DESTINATION.code);
            return;
        }
        SimChannel dest = engine.newChannel(
                phone.tech(),
                number,
                caller.linkedid,
                ChannelState.DOWN,
                new CallerId(phone.name(), number),
                "s",
                null);
        engine.setVar(dest, "DIALEDPEERNUMBER", number);
        dest.connected(caller.caller()); // announced after its AppDial step (40)
        engine.newexten(dest, exten, 1, "AppDial", "(Outgoing Line)");
        engine.emit(CallEvents.channelEvent("NewConnectedLine", dest));
        DialAttempt attempt = new DialAttempt(
                caller,
                dest,
                number,
                () -> {
                    engine.setState(caller, ChannelState.UP);
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
                        caller.hangupCause(HangupCause.NORMAL_CLEARING.code);
                    }
                    dialFailed(caller, status, null);
                });
        engine.ringing().ring(attempt, phone, timeout);
    }

    /**
     * Dial returned without a bridge: DIALSTATUS, then the dialplan's {@code Hangup()} (41, 42):
     * Newexten Hangup, SoftHangupRequest 16; the caller's Hangup follows the callee's, with the
     * callee's cause (17) or 16 after a ring timeout, or {@code ownCause} when nothing was rung.
     */
    private void dialFailed(SimChannel caller, String status, Integer ownCause) {
        engine.setVar(caller, "DIALSTATUS", status);
        DialStep step = caller.dialStep();
        caller.dialStep(null);
        engine.newexten(caller, caller.exten(), step.nextPriority, "Hangup", "");
        engine.emit(CallEvents.hangupRequest("SoftHangupRequest", caller, HangupCause.NORMAL_CLEARING.code));
        engine.hangupAfter(caller);
        if (ownCause != null) {
            // nothing was rung, so no callee Hangup comes first: the caller ends now (42c)
            caller.hangupCause(ownCause);
            engine.flushPendingHangups();
            engine.updateDeviceStates();
        }
    }

    /** app_dial's variables when a bridged call ends (40): ANSWEREDTIME*, DIALEDTIME*, DIALSTATUS. */
    void returnsAnswered(SimChannel dialler) {
        DialStep step = dialler.dialStep();
        if (step == null) {
            return;
        }
        dialler.dialStep(null);
        long now = engine.now();
        long answered = now - (step.answeredMillis < 0 ? now : step.answeredMillis);
        long dialled = now - step.startedMillis;
        engine.setVar(dialler, "ANSWEREDTIME", Long.toString(answered / 1000));
        engine.setVar(dialler, "ANSWEREDTIME_MS", Long.toString(answered));
        engine.setVar(dialler, "DIALEDTIME", Long.toString(dialled / 1000));
        engine.setVar(dialler, "DIALEDTIME_MS", Long.toString(dialled));
        engine.setVar(dialler, "DIALSTATUS", "ANSWER");
    }

    /**
     * Both legs enter a new bridge (40): BridgeCreate, the callee's AppDial Newexten with its exten
     * cleared, BridgeEnter callee then caller, BRIDGEPEER/BRIDGEPVTCALLID on both, three times
     * (the bridge's three peer updates: each enter and the switch to native_rtp).
     */
    private void bridge(SimChannel caller, SimChannel callee) {
        SimBridge bridge = new SimBridge(UUID.randomUUID().toString());
        engine.emit(CallEvents.bridgeEvent("BridgeCreate", bridge));
        engine.newexten(callee, "", 1, "AppDial", "(Outgoing Line)");
        for (SimChannel c : List.of(callee, caller)) {
            bridge.channels.add(c);
            c.bridge(bridge);
            c.activity(SimChannel.Activity.BRIDGED);
            engine.emit(CallEvents.bridgeMember("BridgeEnter", bridge, c));
        }
        bridge.announceOrder = List.of(caller, callee);
        peerUpdates(bridge, 3);
        bridge.technology = "native_rtp";
        engine.spies().attachWaiting();
    }

    /**
     * {@code rounds} peer updates of a two-party bridge: BRIDGEPEER and BRIDGEPVTCALLID on the
     * caller, then on the callee, per round (40: three when the bridge forms).
     */
    void peerUpdates(SimBridge bridge, int rounds) {
        if (bridge == null || bridge.announceOrder.size() != 2) {
            return;
        }
        for (int round = 0; round < rounds; round++) {
            for (SimChannel c : bridge.announceOrder) {
                SimChannel peer =
                        c == bridge.announceOrder.get(0) ? bridge.announceOrder.get(1) : bridge.announceOrder.get(0);
                engine.setVar(c, "BRIDGEPEER", peer.name);
                engine.setVar(c, "BRIDGEPVTCALLID", c.pvtCallId);
            }
        }
    }

    /** The other leg of {@code c}'s bridge, or null. */
    static SimChannel peerOf(SimChannel c) {
        if (c.bridge() == null) {
            return null;
        }
        for (SimChannel other : c.bridge().channels) {
            if (other != c) {
                return other;
            }
        }
        return null;
    }
}
