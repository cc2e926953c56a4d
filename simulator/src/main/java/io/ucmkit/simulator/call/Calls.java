package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The call side of the simulated PBX, for the AMI handlers and the control API: what a person
 * does at a phone (answer, decline, hang up, dial, press keys) and the AMI actions on channels.
 * Thread-safe; every change runs under the engine's lock.
 *
 * <p>Wiring into the simulator (issue 3's seams): the PBX model implements {@link PbxPort}
 * (phones and answer modes from the extension config; {@code deviceStateChanged} sets the phone's
 * device {@code PJSIP/<ext>} so the hints raise DeviceStateChange/ExtensionStatus;
 * {@code presenceByFeatureCode} maps 1–6 to Unavailable, Available, Away, Chat, DND, Custom); the
 * injected clock and scheduler implement {@link CallClock}; the event bus is the {@link EventSink}
 * — every event carries its {@code Privilege: <class>,all} line ({@code call}, {@code dialplan},
 * {@code dtmf}, {@code user}), from which the bus's class mask follows. One handler per AMI action
 * calls the matching method here and writes the returned messages; the sync Originate's future
 * completes when the source phone answers or fails, and the session holds the call's events until
 * that response is written (transcript 09c).
 */
public final class Calls {

    private final CallEngine engine;
    private final Originator originator;
    private final ChannelActions actions;
    private final Redirector redirector;

    private Calls(CallEngine engine) {
        this.engine = engine;
        this.originator = new Originator(engine);
        this.actions = new ChannelActions(engine);
        this.redirector = new Redirector(engine);
    }

    /** {@code asterisk13}: Newexten in class call and no DialState (AMI.md §7.8 item 11). */
    public static Calls create(PbxPort pbx, CallClock clock, EventSink sink, boolean asterisk13) {
        return new Calls(new CallEngine(pbx, clock, sink, asterisk13));
    }

    /** Thrown by the phone actions; {@code status} is the control API's HTTP status (404, 409). */
    public static final class CallException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        CallException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    // ---- the phone ---------------------------------------------------------------------------

    /** The ringing phone picks up. */
    public void answer(String ext) {
        synchronized (engine) {
            engine.answerLeg(ringingLeg(ext, "answer").dest);
        }
    }

    /**
     * The ringing phone rejects the call with its {@code declineWith} SIP answer: 486 (cause 17,
     * DialEnd BUSY, as the recorded phones, transcripts 41–43) or 603 (cause 21, DialEnd NOANSWER).
     */
    public void decline(String ext) {
        synchronized (engine) {
            PbxPort.Phone phone = requirePhone(ext);
            engine.rejectLeg(ringingLeg(ext, "decline"), phone.declineCause(), phone.declineWith());
        }
    }

    /**
     * The phone hangs up (a BYE, cause 16). A phone with a call up hangs that up; a phone that is
     * only ringing rejects the call, as {@link #decline}.
     */
    public void hangup(String ext) {
        synchronized (engine) {
            requirePhone(ext);
            for (SimChannel c : engine.channelsOf(ext)) {
                if (c.inbound == null) {
                    engine.hangup(c, HangupCause.NORMAL_CLEARING.code, true);
                    return;
                }
            }
            PbxPort.Phone phone = requirePhone(ext);
            engine.rejectLeg(ringingLeg(ext, "hang up"), phone.declineCause(), phone.declineWith());
        }
    }

    /** The phone dials {@code number}: an extension, an IVR, {@code *48}, {@code *54}–{@code *56}[ext]. */
    public void dial(String ext, String number) {
        synchronized (engine) {
            PbxPort.Phone phone = requirePhone(ext);
            if (!phone.registered()) {
                throw new CallException(409, "extension " + ext + " is not registered; its phone cannot dial");
            }
            // A phone's INVITE (44, 46): the PBX challenges and authenticates it, the leg starts in
            // Ring with the phone's own caller ID and the SIP domain it called.
            engine.pbx.phoneAuthenticated(ext);
            SimChannel leg = engine.newChannel(
                    phone.tech(), ext, null, ChannelState.RING, new CallerId(phone.name(), ext), number);
            engine.setVar(leg, "SIPDOMAIN", Apps.SIP_DOMAIN);
            engine.apps.route(leg, number, CallEngine.DIAL_RING_TIMEOUT, () -> {});
            engine.updateDeviceStates();
        }
    }

    /** The phone presses keys on its call: DTMFBegin/DTMFEnd, Received on its leg, Sent on the peer. */
    public void dtmf(String ext, String digits) {
        synchronized (engine) {
            requirePhone(ext);
            SimChannel leg = null;
            for (SimChannel c : engine.channelsOf(ext)) {
                if (c.state == ChannelState.UP || c.outbound != null) {
                    leg = c;
                    break;
                }
            }
            if (leg == null) {
                throw new CallException(409, "extension " + ext + " has no call to send DTMF on");
            }
            for (char d : digits.toCharArray()) {
                if (!leg.hungUp) {
                    actions.pressKey(leg, d, PHONE_KEY_MS);
                }
            }
        }
    }

    /** How long a phone's RFC 4733 key press lasts: {@code DurationMs: 180} (44, 46). */
    static final int PHONE_KEY_MS = 180;

    private PbxPort.Phone requirePhone(String ext) {
        return engine.pbx.phone(ext).orElseThrow(() -> new CallException(404, "no extension " + ext));
    }

    private DialAttempt ringingLeg(String ext, String verb) {
        requirePhone(ext);
        for (SimChannel c : engine.channelsOf(ext)) {
            if (c.inbound != null) {
                return c.inbound;
            }
        }
        throw new CallException(409, "extension " + ext + " has no ringing call to " + verb);
    }

    /**
     * Hangs up every channel (cause 16, as if the phones hung up) and cancels their timers: the
     * simulator's reset. Clients still connected see the Hangup events.
     */
    public void hangupAll() {
        synchronized (engine) {
            for (SimChannel c : engine.channels()) {
                engine.hangup(c, HangupCause.NORMAL_CLEARING.code, false);
            }
        }
    }

    /** The live channels for {@code GET /api/v1/calls}. */
    public List<ChannelView> calls() {
        synchronized (engine) {
            List<ChannelView> out = new ArrayList<>();
            long now = engine.clock.currentTimeMillis();
            for (SimChannel c : engine.channels()) {
                SimChannel peer = CallEngine.peerOf(c);
                String spying = null;
                String spyMode = null;
                for (Spy s : engine.spies) {
                    if (s.spyer == c) {
                        spying = s.spyee == null ? null : s.spyee.name;
                        spyMode = s.mode.name().toLowerCase(java.util.Locale.ROOT);
                    }
                }
                out.add(new ChannelView(
                        c.name,
                        c.endpoint,
                        c.uniqueid,
                        c.linkedid,
                        c.state.text,
                        c.caller.number(),
                        c.caller.name(),
                        c.connected.number(),
                        c.connected.name(),
                        c.application,
                        c.bridge == null ? null : c.bridge.uniqueid,
                        peer == null ? null : peer.name,
                        spyMode,
                        spying,
                        (now - c.createdMillis) / 1000));
            }
            return out;
        }
    }

    /** One channel as the control API shows it. */
    public record ChannelView(
            String channel,
            String extension,
            String uniqueid,
            String linkedid,
            String state,
            String callerIdNum,
            String callerIdName,
            String connectedLineNum,
            String connectedLineName,
            String application,
            String bridgeId,
            String bridgedWith,
            String spyMode,
            String spying,
            long seconds) {}

    // ---- AMI actions ---------------------------------------------------------------------------

    /**
     * Originate: the response messages to write. Async answers at once; the sync form completes
     * when the source phone answers ({@code Originate successfully queued}) or the attempt fails
     * ({@code Originate failed}), transcript 09c.
     */
    public CompletableFuture<List<AmiMessage>> originate(AmiMessage action, boolean systemWrite) {
        Originator.Validated v = originator.validate(action, systemWrite);
        if (v.error() != null) {
            return CompletableFuture.completedFuture(List.of(ChannelActions.error(action, v.error())));
        }
        Originator.Request r = v.request();
        AmiMessage queued = ChannelActions.success(action, "Originate successfully queued");
        if (r.async()) {
            // The call starts while the action runs; the server's publisher writes the events it
            // raises after this response (surprise 10, AMI.md §8 "flush queued events only between actions").
            originator.originate(r);
            return CompletableFuture.completedFuture(List.of(queued));
        }
        return originator
                .originate(r)
                .thenApply(o -> List.of(o.success() ? queued : ChannelActions.error(action, "Originate failed")));
    }

    public List<AmiMessage> hangup(AmiMessage action) {
        return actions.hangup(action);
    }

    public List<AmiMessage> redirect(AmiMessage action) {
        return redirector.redirect(action);
    }

    public List<AmiMessage> status(AmiMessage action) {
        return actions.status(action);
    }

    public List<AmiMessage> coreShowChannels(AmiMessage action) {
        return actions.coreShowChannels(action);
    }

    public List<AmiMessage> playDtmf(AmiMessage action) {
        return actions.playDtmf(action);
    }

    /** Getvar with a {@code Channel}; the PBX handles the channel-less (global) form. */
    public List<AmiMessage> getvar(AmiMessage action) {
        return actions.getvar(action);
    }

    /** Setvar with a {@code Channel}; the PBX handles the channel-less (global) form. */
    public List<AmiMessage> setvar(AmiMessage action) {
        return actions.setvar(action);
    }

    /** The lines of the CLI command {@code core show channels}. */
    public List<String> coreShowChannelsCli() {
        return actions.coreShowChannelsCli();
    }
}
