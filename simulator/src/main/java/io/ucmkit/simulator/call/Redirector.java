package io.ucmkit.simulator.call;

import static io.ucmkit.simulator.call.ChannelActions.error;
import static io.ucmkit.simulator.call.ChannelActions.success;

import io.ucmkit.ami.AmiMessage;
import java.util.List;

/**
 * Redirect (AMI.md §3.2, manager.c {@code action_redirect}): the header checks in Asterisk's
 * order, then the single or dual move. Called by {@link Calls}; the moves run under the engine's lock.
 */
final class Redirector {

    private final CallEngine engine;

    Redirector(CallEngine engine) {
        this.engine = engine;
    }

    /**
     * The channel leaves what it was doing and runs the target; a bridge peer that is not
     * redirected too is hung up. With {@code ExtraChannel} both move ("Dual Redirect"): the extra
     * one to {@code ExtraContext/ExtraExten/ExtraPriority} when ExtraContext is given (then all
     * three are required), else to the first channel's target.
     */
    List<AmiMessage> redirect(AmiMessage action) {
        String name = action.getNonEmpty("Channel");
        if (name == null) {
            return List.of(error(action, "Channel not specified"));
        }
        String context = action.getNonEmpty("Context");
        if (context == null) {
            return List.of(error(action, "Context not specified"));
        }
        String exten = action.getNonEmpty("Exten");
        if (exten == null) {
            return List.of(error(action, "Exten not specified"));
        }
        String priority = action.getNonEmpty("Priority");
        if (priority == null) {
            return List.of(error(action, "Priority not specified"));
        }
        if (!validPriority(priority)) {
            return List.of(error(action, "Priority is invalid"));
        }
        String extraName = action.getNonEmpty("ExtraChannel");
        String extraContext = action.getNonEmpty("ExtraContext");
        String extraExten = exten;
        if (extraName != null && extraContext != null) {
            extraExten = action.getNonEmpty("ExtraExten");
            if (extraExten == null) {
                return List.of(error(action, "ExtraExten not specified"));
            }
            String extraPriority = action.getNonEmpty("ExtraPriority");
            if (extraPriority == null) {
                return List.of(error(action, "ExtraPriority not specified"));
            }
            if (!validPriority(extraPriority)) {
                return List.of(error(action, "ExtraPriority is invalid"));
            }
        } else {
            extraContext = context;
        }
        synchronized (engine) {
            SimChannel c = engine.channel(name).orElse(null);
            if (c == null) {
                return List.of(error(action, "Channel does not exist: " + name));
            }
            if (!redirectable(c)) {
                return List.of(error(action, "Redirect failed, channel not up."));
            }
            if (extraName == null) {
                if (!engine.apps.exists(exten)) {
                    return List.of(error(action, "Redirect failed"));
                }
                leave(c, List.of(c));
                run(c, context, exten);
                engine.updateDeviceStates();
                return List.of(success(action, "Redirect successful"));
            }
            SimChannel extra = engine.channel(extraName).orElse(null);
            if (extra == null) {
                return List.of(error(action, "ExtraChannel does not exist: " + extraName));
            }
            if (!redirectable(extra)) {
                return List.of(error(action, "Redirect failed, extra channel not up."));
            }
            // Both targets are checked before either channel moves; Asterisk has already sent the
            // first channel when the second goto fails, which a simulated bridge cannot half-undo.
            if (!engine.apps.exists(exten)) {
                return List.of(error(action, "Redirect failed"));
            }
            if (!engine.apps.exists(extraExten)) {
                return List.of(error(action, "Secondary redirect failed"));
            }
            List<SimChannel> moving = List.of(c, extra);
            leave(c, moving);
            leave(extra, moving);
            if (extra != c) {
                run(c, context, exten);
            }
            // The same channel twice ends at the second target: its later goto replaces the first.
            run(extra, extraContext, extraExten);
            engine.updateDeviceStates();
            return List.of(success(action, "Dual Redirect successful"));
        }
    }

    /** {@code sscanf("%30d")}, then {@code pi < 1} is invalid; priority labels are not modelled. */
    private static boolean validPriority(String priority) {
        Integer pi = Originator.leadingInt(priority);
        return pi != null && pi >= 1;
    }

    /**
     * Whether Redirect may move the channel. Asterisk's own refusal ("channel not up") is for a
     * channel already being hung up ({@code ast_check_hangup}), which the simulator never has (a
     * hung-up channel is gone at once). The simulator refuses instead a leg that is not Up — a
     * phone still dialling or ringing — because it cannot take such a leg out of its Dial (Asterisk
     * would interrupt the Dial, or yank the ringing leg into the dialplan; neither is modelled).
     */
    private static boolean redirectable(SimChannel c) {
        return c.state == ChannelState.UP;
    }

    /**
     * The channel stops what it was doing: its application and timers end (an IVR it left must not
     * fire later), a ChanSpy it ran stops, and it leaves its bridge; a member not in {@code moving}
     * is hung up, as the far end of a Dial whose caller was sent elsewhere.
     */
    private void leave(SimChannel c, List<SimChannel> moving) {
        c.cancelTimer.run();
        c.cancelTimer = () -> {};
        c.app = null;
        engine.apps.stopSpying(c);
        SimBridge bridge = c.bridge;
        if (bridge == null) {
            return;
        }
        bridge.channels.remove(c);
        c.bridge = null;
        engine.emit(CallEvents.bridgeMember("BridgeLeave", bridge, c));
        for (SimChannel peer : List.copyOf(bridge.channels)) {
            bridge.channels.remove(peer);
            peer.bridge = null;
            engine.emit(CallEvents.bridgeMember("BridgeLeave", bridge, peer));
            engine.emit(CallEvents.bridgeEvent("BridgeDestroy", bridge));
            if (!moving.contains(peer)) {
                List<SimChannel> exiting = engine.apps.stopSpiesOn(peer);
                engine.finish(peer, HangupCause.NORMAL_CLEARING.code);
                for (SimChannel spyer : exiting) {
                    engine.hangup(spyer, HangupCause.NORMAL_CLEARING.code, false);
                }
            }
        }
    }

    private void run(SimChannel c, String context, String exten) {
        c.activity = SimChannel.Activity.IDLE;
        c.context = context;
        engine.apps.route(c, exten, CallEngine.DIAL_RING_TIMEOUT, () -> {});
    }
}
