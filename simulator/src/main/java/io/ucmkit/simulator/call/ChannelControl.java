package io.ucmkit.simulator.call;

import io.ucmkit.simulator.admin.ChannelInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the AMI actions on channels do to the engine — Hangup, Status, CoreShowChannels, PlayDTMF,
 * Getvar/Setvar with a Channel (docs/ami.md §3.3–3.5, §3.10) — as domain results; the {@code ami}
 * package words the answers — and the channels as the control API lists them. Redirect is
 * {@link Redirector}. Called by {@link Calls} with the engine's lock held.
 */
final class ChannelControl {

    private final CallEngine engine;

    ChannelControl(CallEngine engine) {
        this.engine = engine;
    }

    /** A key on {@code leg}: Received there (and fed to its app), Sent on the bridged peer. */
    void pressKey(SimChannel leg, char digit, int durationMs) {
        SimChannel peer = Dial.peerOf(leg);
        engine.emit(CallEvents.dtmfBegin(leg, digit, "Received"));
        if (peer != null) {
            engine.emit(CallEvents.dtmfBegin(peer, digit, "Sent"));
        }
        engine.emit(CallEvents.dtmfEnd(leg, digit, durationMs, "Received"));
        if (peer != null) {
            engine.emit(CallEvents.dtmfEnd(peer, digit, durationMs, "Sent"));
        }
        if (leg.app() != null) {
            leg.app().digit(leg, digit);
        }
    }

    /** Hangs up one channel by name (no HangupRequest: surprise 26); false when there is none. */
    boolean hangup(String name, int cause) {
        SimChannel c = engine.channel(name).orElse(null);
        if (c == null) {
            return false;
        }
        engine.hangups().hangup(c, cause, false);
        return true;
    }

    /** Hangs up every channel whose name {@code pattern} finds; returns their names, newest first (transcript 26). */
    List<String> hangupMatching(Pattern pattern, int cause) {
        List<SimChannel> matched = new ArrayList<>();
        for (SimChannel c : engine.channels()) {
            if (pattern.matcher(c.name).find()) {
                matched.add(0, c);
            }
        }
        for (SimChannel c : matched) {
            engine.hangups().hangup(c, cause, false);
        }
        return matched.stream().map(c -> c.name).toList();
    }

    /** Every channel, or the one named; empty when the named one does not exist. */
    Optional<List<ChannelStatus>> status(String name) {
        if (name == null) {
            return Optional.of(statuses(engine.channels()));
        }
        return engine.channel(name).map(c -> statuses(List.of(c)));
    }

    private List<ChannelStatus> statuses(List<SimChannel> channels) {
        long now = engine.now();
        List<ChannelStatus> out = new ArrayList<>(channels.size());
        for (SimChannel c : channels) {
            out.add(new ChannelStatus(
                    c.snapshot(),
                    c.application(),
                    c.appData(),
                    c.bridge() == null ? "" : c.bridge().uniqueid,
                    (now - c.createdMillis) / 1000,
                    Collections.unmodifiableMap(new LinkedHashMap<>(c.variables()))));
        }
        return out;
    }

    /**
     * PlayDTMF (docs/ami.md §3.10): Sent on the channel, or Received (and read by its app) with
     * {@code receive}; false when there is no such channel.
     */
    boolean playDtmf(String name, char digit, int durationMs, boolean receive) {
        SimChannel c = engine.channel(name).orElse(null);
        if (c == null) {
            return false;
        }
        if (receive) {
            pressKey(c, digit, durationMs);
        } else {
            engine.emit(CallEvents.dtmfBegin(c, digit, "Sent"));
            engine.emit(CallEvents.dtmfEnd(c, digit, durationMs, "Sent"));
        }
        return true;
    }

    /** A channel variable or {@code CALLERID()} of the named channel; empty when there is no such channel. */
    Optional<String> getvar(String channel, String variable) {
        return engine.channel(channel).map(c -> statuses(List.of(c)).get(0).variable(variable));
    }

    /** Sets a channel variable with its VarSet; false when there is no such channel. */
    boolean setvar(String channel, String variable, String value) {
        SimChannel c = engine.channel(channel).orElse(null);
        if (c == null) {
            return false;
        }
        // pbx_builtin_setvar_helper deletes the old value and adds the new one at the list's head.
        c.forget(variable);
        engine.setVar(c, variable, value);
        return true;
    }

    /** The live channels as the control API shows them, with their bridge peer and spy role. */
    List<ChannelInfo> views() {
        List<ChannelInfo> out = new ArrayList<>();
        long now = engine.now();
        for (SimChannel c : engine.channels()) {
            SimChannel peer = Dial.peerOf(c);
            Optional<Spy> spy = engine.spies().spyOf(c);
            CallerId caller = c.caller();
            CallerId connected = c.connected();
            out.add(new ChannelInfo(
                    c.name,
                    c.endpoint,
                    c.uniqueid,
                    c.linkedid,
                    c.state().text(),
                    caller.number(),
                    caller.name(),
                    connected.number(),
                    connected.name(),
                    c.application(),
                    c.bridge() == null ? null : c.bridge().uniqueid,
                    peer == null ? null : peer.name,
                    spy.map(s -> s.mode.name().toLowerCase(Locale.ROOT)).orElse(null),
                    spy.map(s -> s.spyee == null ? null : s.spyee.name).orElse(null),
                    (now - c.createdMillis) / 1000));
        }
        return out;
    }
}
