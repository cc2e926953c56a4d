package io.ucmkit.simulator.call;

import io.ucmkit.simulator.admin.ChannelInfo;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.time.SimScheduler;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The call side of the simulated PBX, for the AMI actions and the control API: what a person does
 * at a phone (answer, decline, hang up, dial, press keys) and what the AMI actions do to channels.
 * Thread-safe: each method enters the engine's lock ({@link CallEngine#locked}) and runs there. Results are domain values; refusals of a
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
    private final Phones phones;
    private final ChannelControl control;
    private final Originator originator;
    private final Redirector redirector;

    private Calls(CallEngine engine) {
        this.engine = engine;
        this.control = new ChannelControl(engine);
        this.phones = new Phones(engine, control);
        this.originator = new Originator(engine);
        this.redirector = new Redirector(engine);
    }

    /** {@code asterisk13}: Newexten in class call and no DialState (docs/ami.md §7.8 item 11). */
    public static Calls create(PbxPort pbx, Clock clock, SimScheduler scheduler, EventBus events, boolean asterisk13) {
        return new Calls(new CallEngine(pbx, clock, scheduler, events, asterisk13));
    }

    // ---- the phone ---------------------------------------------------------------------------

    /** The ringing phone picks up. */
    public void answer(String ext) {
        engine.locked(() -> phones.answer(ext));
    }

    /** The ringing phone rejects the call with its {@code declineWith} SIP answer (486 or 603). */
    public void decline(String ext) {
        engine.locked(() -> phones.decline(ext));
    }

    /** The phone hangs up its call (a BYE, cause 16), or rejects a ringing one. */
    public void hangup(String ext) {
        engine.locked(() -> phones.hangup(ext));
    }

    /** The phone dials {@code number}: an extension, an IVR, {@code *48}, {@code *54}–{@code *56}[ext]. */
    public void dial(String ext, String number) {
        engine.locked(() -> phones.dial(ext, number));
    }

    /** The phone presses keys on its call: DTMFBegin/DTMFEnd, Received on its leg, Sent on the peer. */
    public void dtmf(String ext, String digits) {
        engine.locked(() -> phones.dtmf(ext, digits));
    }

    /**
     * Hangs up every channel (cause 16, as if the phones hung up) and cancels their timers: the
     * simulator's reset. Clients still connected see the Hangup events.
     */
    public void hangupAll() {
        engine.locked(() -> {
            for (SimChannel c : engine.channels()) {
                engine.hangups().hangup(c, HangupCause.NORMAL_CLEARING.code, false);
            }
        });
    }

    /** The live channels as the control API shows them ({@code GET /api/v1/calls}). */
    public List<ChannelInfo> calls() {
        return engine.locked(control::views);
    }

    // ---- what the AMI actions do --------------------------------------------------------------

    /** Whether {@code number} leads anywhere in the simulated dialplan (Originate checks it first). */
    public boolean exists(String number) {
        return engine.locked(() -> engine.apps().exists(number));
    }

    /**
     * Starts an Originate. The future completes when the source phone answers or the attempt fails;
     * the Async form also publishes OriginateResponse (transcript 09c).
     */
    public CompletableFuture<OriginateOutcome> originate(OriginateRequest request) {
        return engine.locked(() -> originator.originate(request));
    }

    public boolean hasChannel(String channel) {
        return engine.locked(() -> engine.channel(channel).isPresent());
    }

    /** Hangs up the named channel with {@code cause}; false when there is no such channel. */
    public boolean hangupChannel(String channel, int cause) {
        return engine.locked(() -> control.hangup(channel, cause));
    }

    /** Hangs up every channel whose name {@code pattern} finds; their names, newest first. */
    public List<String> hangupChannels(Pattern pattern, int cause) {
        return engine.locked(() -> control.hangupMatching(pattern, cause));
    }

    public RedirectResult redirect(RedirectRequest request) {
        return engine.locked(() -> redirector.redirect(request));
    }

    /** Every channel ({@code channel} null) or the named one; empty when that one does not exist. */
    public Optional<List<ChannelStatus>> status(String channel) {
        return engine.locked(() -> control.status(channel));
    }

    /** Calls started since start-up, for {@code core show channels}' last line. */
    public int callsProcessed() {
        return engine.locked(engine::callsProcessed);
    }

    /** Plays a key on the named channel (Received with {@code receive}); false when there is no such channel. */
    public boolean playDtmf(String channel, char digit, int durationMs, boolean receive) {
        return engine.locked(() -> control.playDtmf(channel, digit, durationMs, receive));
    }

    /** A variable of the named channel; empty when there is no such channel. */
    public Optional<String> getvar(String channel, String variable) {
        return engine.locked(() -> control.getvar(channel, variable));
    }

    /** Sets a variable of the named channel (VarSet); false when there is no such channel. */
    public boolean setvar(String channel, String variable, String value) {
        return engine.locked(() -> control.setvar(channel, variable, value));
    }
}
