package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The simulated dialplan of {@code from-internal}, step for step the one the PJSIP recordings ran
 * (transcripts 40–46): an extension is {@code Dial(PJSIP/<ext>,60)} then {@code Hangup()}; an IVR
 * answers and loops {@code Read(D,,1,,,10)} + {@code UserEvent(IvrDigit,…)} + {@code Goto(loop)} (44);
 * {@code *48} answers, reads one key and sets PRESENCE_STATE through six {@code GotoIf}s (46); the
 * spy feature codes run ChanSpy ({@link ChanSpies}); and the Originate application form runs
 * Playback, Wait, Echo or Milliwatt. Called with the {@link CallEngine}'s lock held.
 */
final class Apps {

    /** {@code Read(…,10)}: how long the IVR and the presence prompt wait for a key. */
    static final Duration KEY_WAIT = Duration.ofSeconds(10);
    /** Playback of a prompt in the application form (no audio: a timed state). */
    static final Duration PLAYBACK = Duration.ofSeconds(3);
    /** The SIP domain a phone's INVITE was addressed to (the PBX's own address, 44). */
    static final String SIP_DOMAIN = "127.0.0.1";

    private final CallEngine engine;

    Apps(CallEngine engine) {
        this.engine = engine;
    }

    /** Whether {@code number} leads anywhere in the simulated dialplan (Originate checks it first). */
    boolean exists(String number) {
        PbxPort pbx = engine.pbx();
        return pbx.phone(number).isPresent()
                || shortRingTarget(number) != null
                || pbx.isIvr(number)
                || number.equals(pbx.presenceFeatureCode())
                || engine.spies().isFeatureCode(number);
    }

    /**
     * Runs {@code ch} into {@code number}. {@code afterFirstStep} runs after the first Newexten —
     * where an Originate's OriginateResponse falls (transcript 40).
     */
    void route(SimChannel ch, String number, Duration dialTimeout, Runnable afterFirstStep) {
        PbxPort pbx = engine.pbx();
        var phone = pbx.phone(number);
        PbxPort.Phone shortRing = shortRingTarget(number);
        if (phone.isPresent()) {
            ch.exten(number);
            engine.dial().dialExtension(ch, phone.get(), number, dialTimeout, afterFirstStep);
        } else if (shortRing != null) {
            ch.exten(number);
            engine.dial().dialExtension(ch, shortRing, number, CallEngine.SHORT_RING, afterFirstStep);
        } else if (pbx.isIvr(number)) {
            answerInDialplan(ch, number, afterFirstStep);
            ivrRead(ch, number);
        } else if (number.equals(pbx.presenceFeatureCode())) {
            answerInDialplan(ch, number, afterFirstStep);
            presencePrompt(ch, number);
        } else if (engine.spies().isFeatureCode(number)) {
            answerInDialplan(ch, number, afterFirstStep);
            engine.spies().featureCode(ch, number);
        } else {
            // Nothing in the dialplan: the channel is hung up with "Unallocated" (inferred).
            afterFirstStep.run();
            engine.hangups().hangup(ch, HangupCause.UNALLOCATED.code, false);
        }
    }

    /** The phone {@code number} dials through the short-ring prefix, or null. */
    private PbxPort.Phone shortRingTarget(String number) {
        String prefix = engine.pbx().shortRingPrefix();
        if (prefix == null || prefix.isEmpty() || !number.startsWith(prefix)) {
            return null;
        }
        return engine.pbx().phone(number.substring(prefix.length())).orElse(null);
    }

    /** {@code Answer()}: Newexten, Newstate Up, and media from now on (44, 46). */
    private void answerInDialplan(SimChannel ch, String number, Runnable afterFirstStep) {
        engine.newexten(ch, number, 1, "Answer", "");
        engine.setState(ch, ChannelState.UP);
        engine.media().start(ch);
        afterFirstStep.run();
        ch.activity(SimChannel.Activity.APP);
        ch.inDialplan(true);
    }

    // ---- Read: one key, 10 s ------------------------------------------------------------------

    /**
     * {@code Read(<var>,,1,,,10)} at {@code priority}: with no prompt to play Read first reports
     * READSTATUS ERROR (the recorded PBX has no sound files), then waits for a key: the key sets
     * the variable and READSTATUS OK; 10 s without one give an empty variable and TIMEOUT
     * (inferred: the recordings always pressed in time). A hangup gives an empty variable and HANGUP.
     */
    private void read(SimChannel ch, String number, int priority, String variable, Consumer<String> then) {
        engine.newexten(ch, number, priority, "Read", variable + ",,1,,,10");
        engine.setVar(ch, "READSTATUS", "ERROR");
        ch.timer(engine.schedule(KEY_WAIT, () -> {
            if (!ch.hungUp() && ch.app() != null) {
                ch.app(null);
                ch.onHangup(() -> {});
                engine.setVar(ch, variable, "");
                engine.setVar(ch, "READSTATUS", "TIMEOUT");
                then.accept("");
            }
        }));
        ch.app((c, digit) -> {
            c.app(null);
            c.onHangup(() -> {});
            c.cancelTimer();
            engine.setVar(c, variable, String.valueOf(digit));
            engine.setVar(c, "READSTATUS", "OK");
            then.accept(String.valueOf(digit));
        });
        ch.onHangup(() -> {
            engine.setVar(ch, variable, "");
            engine.setVar(ch, "READSTATUS", "HANGUP");
        });
    }

    /** The IVR loop of transcript 44: Read, UserEvent IvrDigit with the key and the caller, Goto(loop). */
    private void ivrRead(SimChannel ch, String number) {
        read(ch, number, 2, "D", key -> {
            String caller = ch.caller().number() == null ? "" : ch.caller().number();
            engine.newexten(ch, number, 3, "UserEvent", "IvrDigit,Digit: " + key + ",Caller: " + caller);
            engine.emit(CallEvents.userEvent(ch, "IvrDigit", "Digit", key, "Caller", caller));
            engine.newexten(ch, number, 4, "Goto", "loop");
            ivrRead(ch, number);
        });
    }

    /**
     * {@code *48} (46): Read one key; {@code GotoIf($["${P}" = "k"]?pk)} for k = 1..6 up to the one
     * that matches; {@code Set(PRESENCE_STATE(CustomPresence:<ext>)=…)}; {@code Hangup()}. Options are
     * the SIP Presence Guide's: 1 Unavailable, 2 Available, 3 Away, 4 Chat, 5 DND, 6 Custom. Any other
     * key falls through the six to the {@code Hangup()} at priority 9.
     */
    private void presencePrompt(SimChannel ch, String number) {
        read(ch, number, 2, "P", key -> {
            int option = key.length() == 1 && key.charAt(0) >= '1' && key.charAt(0) <= '6' ? key.charAt(0) - '0' : 0;
            for (int k = 1; k <= 6; k++) {
                boolean match = k == option;
                engine.newexten(ch, number, 2 + k, "GotoIf", (match ? "1" : "0") + "?p" + k);
                if (match) {
                    String value = engine.pbx().presenceByFeatureCode(ch.endpoint, option);
                    engine.newexten(
                            ch,
                            number,
                            8 + 2 * k,
                            "Set",
                            "PRESENCE_STATE(CustomPresence:" + ch.endpoint + ")=" + value);
                    dialplanHangup(ch, number, 9 + 2 * k);
                    return;
                }
            }
            dialplanHangup(ch, number, 9);
        });
    }

    /** {@code Hangup()} in the dialplan: SoftHangupRequest then Hangup, cause 16 (46). */
    void dialplanHangup(SimChannel c, String number, int priority) {
        engine.newexten(c, number, priority, "Hangup", "");
        c.inDialplan(false);
        engine.emit(CallEvents.hangupRequest("SoftHangupRequest", c, HangupCause.NORMAL_CLEARING.code));
        engine.hangups().hangup(c, HangupCause.NORMAL_CLEARING.code, false);
    }

    /**
     * A leg running an application ends by its phone's BYE (44, 46): the application's own end
     * (Read's HANGUP), then, in the dialplan, the PBX's SoftHangupRequest 16.
     */
    void applicationEnds(SimChannel ch) {
        Runnable end = ch.takeOnHangup();
        ch.app(null);
        ch.cancelTimer();
        end.run();
        if (ch.inDialplan()) {
            ch.inDialplan(false);
            engine.emit(CallEvents.hangupRequest("SoftHangupRequest", ch, HangupCause.NORMAL_CLEARING.code));
        }
    }

    /** Originate's application form for apps other than ChanSpy: a timed or endless state. */
    void runApplication(SimChannel ch, String application, String data) {
        ch.runs(application, data);
        ch.activity(SimChannel.Activity.APP);
        Duration limit = switch (application.toLowerCase(Locale.ROOT)) {
            case "wait" -> parseSeconds(data);
            case "playback" -> PLAYBACK;
            default -> null;
        };
        if (limit != null) {
            ch.timer(engine.schedule(
                    limit, () -> engine.hangups().hangup(ch, HangupCause.NORMAL_CLEARING.code, false)));
        }
    }

    private static Duration parseSeconds(String data) {
        try {
            return Duration.ofMillis((long) (Double.parseDouble(data.trim()) * 1000));
        } catch (RuntimeException e) {
            return Duration.ZERO;
        }
    }
}
