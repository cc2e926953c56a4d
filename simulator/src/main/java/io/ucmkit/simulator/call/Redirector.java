package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.util.List;

/**
 * Redirect (docs/ami.md §3.2, manager.c {@code action_redirect}) once the {@code ami} package has
 * checked its headers: the channels' checks in Asterisk's order, then the single or dual move.
 * Called by {@link Calls} with the engine's lock held.
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
    RedirectResult redirect(RedirectRequest r) {
        String name = r.channel();
        String exten = r.exten();
        String extraName = r.extraChannel();
        String extraExten = r.extraContext() == null ? exten : r.extraExten();
        String extraContext = r.extraContext() == null ? r.context() : r.extraContext();
        SimChannel c = engine.channel(name).orElse(null);
        if (c == null) {
            return RedirectResult.NO_SUCH_CHANNEL;
        }
        if (!redirectable(c)) {
            return RedirectResult.CHANNEL_NOT_UP;
        }
        if (extraName == null) {
            if (!engine.apps().exists(exten)) {
                return RedirectResult.NO_SUCH_TARGET;
            }
            leave(c, List.of(c));
            run(c, r.context(), exten);
            engine.updateDeviceStates();
            return RedirectResult.REDIRECTED;
        }
        SimChannel extra = engine.channel(extraName).orElse(null);
        if (extra == null) {
            return RedirectResult.NO_SUCH_EXTRA_CHANNEL;
        }
        if (!redirectable(extra)) {
            return RedirectResult.EXTRA_CHANNEL_NOT_UP;
        }
        // Both targets are checked before either channel moves; Asterisk has already sent the
        // first channel when the second goto fails, which a simulated bridge cannot half-undo.
        if (!engine.apps().exists(exten)) {
            return RedirectResult.NO_SUCH_TARGET;
        }
        if (!engine.apps().exists(extraExten)) {
            return RedirectResult.NO_SUCH_EXTRA_TARGET;
        }
        List<SimChannel> moving = List.of(c, extra);
        leave(c, moving);
        leave(extra, moving);
        if (extra != c) {
            run(c, r.context(), exten);
        }
        // The same channel twice ends at the second target: its later goto replaces the first.
        run(extra, extraContext, extraExten);
        engine.updateDeviceStates();
        return RedirectResult.DUAL_REDIRECTED;
    }

    /**
     * Whether Redirect may move the channel. Asterisk's own refusal ("channel not up") is for a
     * channel already being hung up ({@code ast_check_hangup}), which the simulator never has (a
     * hung-up channel is gone at once). The simulator refuses instead a leg that is not Up — a
     * phone still dialling or ringing — because it cannot take such a leg out of its Dial (Asterisk
     * would interrupt the Dial, or yank the ringing leg into the dialplan; neither is modelled).
     */
    private static boolean redirectable(SimChannel c) {
        return c.state() == ChannelState.UP;
    }

    /**
     * The channel stops what it was doing: its application and timers end (an IVR it left must not
     * fire later), a ChanSpy it ran stops, and it leaves its bridge; a member not in {@code moving}
     * is hung up, as the far end of a Dial whose caller was sent elsewhere.
     */
    private void leave(SimChannel c, List<SimChannel> moving) {
        c.cancelTimer();
        c.app(null);
        engine.spies().stopSpying(c);
        SimBridge bridge = c.bridge();
        if (bridge == null) {
            return;
        }
        bridge.channels.remove(c);
        c.bridge(null);
        engine.emit(CallEvents.bridgeMember("BridgeLeave", bridge, c));
        for (SimChannel peer : List.copyOf(bridge.channels)) {
            bridge.channels.remove(peer);
            peer.bridge(null);
            engine.emit(CallEvents.bridgeMember("BridgeLeave", bridge, peer));
            engine.emit(CallEvents.bridgeEvent("BridgeDestroy", bridge));
            if (!moving.contains(peer)) {
                List<SimChannel> exiting = engine.spies().stopSpiesOn(peer);
                engine.finish(peer, HangupCause.NORMAL_CLEARING.code);
                for (SimChannel spyer : exiting) {
                    engine.hangups().hangup(spyer, HangupCause.NORMAL_CLEARING.code, false);
                }
            }
        }
    }

    private void run(SimChannel c, String context, String exten) {
        c.activity(SimChannel.Activity.IDLE);
        c.context(context);
        engine.apps().route(c, exten, CallEngine.DIAL_RING_TIMEOUT, () -> {});
    }
}
