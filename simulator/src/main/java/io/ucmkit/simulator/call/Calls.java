package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.time.SimScheduler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The call side of the simulated PBX, for the AMI actions and the control API: what a person does
 * at a phone (answer, decline, hang up, dial, press keys) and what the AMI actions do to channels.
 * Thread-safe; every change runs under the engine's lock. Results are domain values; refusals of a
 * person's action are {@link SimulatorException}s; the {@code ami} package words the AMI answers.
 *
 * <p>Wiring into the simulator: the PBX model implements {@link PbxPort} (phones and answer modes
 * from the extension config; {@code deviceStateChanged} sets the phone's device {@code PJSIP/<ext>}
 * so the hints raise DeviceStateChange/ExtensionStatus; {@code presenceByFeatureCode} maps 1–6 to
 * Unavailable, Available, Away, Chat, DND, Custom); time is the injected clock and
 * {@link SimScheduler}; events go to the PBX's {@link EventBus} with their class as a value
 * ({@code call}, {@code dialplan}, {@code dtmf}, {@code user}, {@code reporting}).
 * The sync Originate's future completes when the source phone answers or fails, and the session
 * holds the call's events until that response is written (transcript 09c).
 */
public final class Calls {

    private final CallEngine engine;
    private final Originator originator;
    private final ChannelControl control;
    private final Redirector redirector;

    private Calls(CallEngine engine) {
        this.engine = engine;
        this.originator = new Originator(engine);
        this.control = new ChannelControl(engine);
        this.redirector = new Redirector(engine);
    }

    /** {@code asterisk13}: Newexten in class call and no DialState (AMI.md §7.8 item 11). */
    public static Calls create(PbxPort pbx, Clock clock, SimScheduler scheduler, EventBus events, boolean asterisk13) {
        return new Calls(new CallEngine(pbx, clock, scheduler, events, asterisk13));
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
                throw SimulatorException.nothingToActOn(
                        "extension " + ext + " is not registered; its phone cannot dial");
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
                throw SimulatorException.nothingToActOn("extension " + ext + " has no call to send DTMF on");
            }
            for (char d : digits.toCharArray()) {
                if (!leg.hungUp) {
                    control.pressKey(leg, d, PHONE_KEY_MS);
                }
            }
        }
    }

    /** How long a phone's RFC 4733 key press lasts: {@code DurationMs: 180} (44, 46). */
    static final int PHONE_KEY_MS = 180;

    private PbxPort.Phone requirePhone(String ext) {
        return engine.pbx.phone(ext).orElseThrow(() -> SimulatorException.unknownExtension(ext));
    }

    private DialAttempt ringingLeg(String ext, String verb) {
        requirePhone(ext);
        for (SimChannel c : engine.channelsOf(ext)) {
            if (c.inbound != null) {
                return c.inbound;
            }
        }
        throw SimulatorException.nothingToActOn("extension " + ext + " has no ringing call to " + verb);
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
            long now = engine.now();
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
                        c.state.text(),
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

    // ---- what the AMI actions do --------------------------------------------------------------

    /** Whether {@code number} leads anywhere in the simulated dialplan (Originate checks it first). */
    public boolean exists(String number) {
        return engine.apps.exists(number);
    }

    /**
     * Starts an Originate. The future completes when the source phone answers or the attempt fails;
     * the Async form also publishes OriginateResponse (transcript 09c).
     */
    public CompletableFuture<OriginateOutcome> originate(OriginateRequest request) {
        return originator.originate(request);
    }

    public boolean hasChannel(String channel) {
        synchronized (engine) {
            return engine.channel(channel).isPresent();
        }
    }

    /** Hangs up the named channel with {@code cause}; false when there is no such channel. */
    public boolean hangupChannel(String channel, int cause) {
        synchronized (engine) {
            return control.hangup(channel, cause);
        }
    }

    /** Hangs up every channel whose name {@code pattern} finds; their names, newest first. */
    public List<String> hangupChannels(Pattern pattern, int cause) {
        synchronized (engine) {
            return control.hangupMatching(pattern, cause);
        }
    }

    public RedirectResult redirect(RedirectRequest request) {
        return redirector.redirect(request);
    }

    /** Every channel ({@code channel} null) or the named one; empty when that one does not exist. */
    public Optional<List<ChannelStatus>> status(String channel) {
        synchronized (engine) {
            return control.status(channel);
        }
    }

    /** Calls started since start-up, for {@code core show channels}' last line. */
    public int callsProcessed() {
        synchronized (engine) {
            return engine.callsProcessed;
        }
    }

    /** Plays a key on the named channel (Received with {@code receive}); false when there is no such channel. */
    public boolean playDtmf(String channel, char digit, int durationMs, boolean receive) {
        synchronized (engine) {
            return control.playDtmf(channel, digit, durationMs, receive);
        }
    }

    /** A variable of the named channel; empty when there is no such channel. */
    public Optional<String> getvar(String channel, String variable) {
        synchronized (engine) {
            return control.getvar(channel, variable);
        }
    }

    /** Sets a variable of the named channel (VarSet); false when there is no such channel. */
    public boolean setvar(String channel, String variable, String value) {
        synchronized (engine) {
            return control.setvar(channel, variable, value);
        }
    }
}
