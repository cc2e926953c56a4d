package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated dialplan of {@code from-internal}, step for step the one the PJSIP recordings ran
 * (transcripts 40–46): an extension is {@code Dial(PJSIP/<ext>,60)} then {@code Hangup()}; an IVR
 * answers and loops {@code Read(D,,1,,,10)} + {@code UserEvent(IvrDigit,…)} + {@code Goto(loop)} (44);
 * {@code *48} answers, reads one key and sets PRESENCE_STATE through six {@code GotoIf}s (46);
 * {@code *54}/{@code *55}/{@code *56<ext>} answer and run {@code ChanSpy(PJSIP/<ext>,qE[w|B])} (46); and
 * the Originate application form runs ChanSpy, Playback, Wait, Echo or Milliwatt. Called with
 * the engine's lock held.
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
        return engine.pbx.phone(number).isPresent()
                || shortRingTarget(number) != null
                || engine.pbx.isIvr(number)
                || number.equals(engine.pbx.presenceFeatureCode())
                || spyOptions(number) != null;
    }

    /**
     * Runs {@code ch} into {@code number}. {@code afterFirstStep} runs after the first Newexten —
     * where an Originate's OriginateResponse falls (transcript 40).
     */
    void route(SimChannel ch, String number, Duration dialTimeout, Runnable afterFirstStep) {
        var phone = engine.pbx.phone(number);
        PbxPort.Phone shortRing = shortRingTarget(number);
        if (phone.isPresent()) {
            ch.exten = number;
            engine.dialExtension(ch, phone.get(), number, dialTimeout, afterFirstStep);
        } else if (shortRing != null) {
            ch.exten = number;
            engine.dialExtension(ch, shortRing, number, CallEngine.SHORT_RING, afterFirstStep);
        } else if (engine.pbx.isIvr(number)) {
            answerInDialplan(ch, number, afterFirstStep);
            ivrRead(ch, number);
        } else if (number.equals(engine.pbx.presenceFeatureCode())) {
            answerInDialplan(ch, number, afterFirstStep);
            presencePrompt(ch, number);
        } else if (spyOptions(number) != null) {
            answerInDialplan(ch, number, afterFirstStep);
            String target = number.substring(spyCode(number).length());
            if (target.isEmpty()) {
                spyTargetPrompt(ch, number);
            } else {
                startSpyFromFeatureCode(ch, number, target);
            }
        } else {
            // Nothing in the dialplan: the channel is hung up with "Unallocated" (inferred).
            afterFirstStep.run();
            engine.hangup(ch, HangupCause.UNALLOCATED.code, false);
        }
    }

    /** The phone {@code number} dials through the short-ring prefix, or null. */
    private PbxPort.Phone shortRingTarget(String number) {
        String prefix = engine.pbx.shortRingPrefix();
        if (prefix == null || prefix.isEmpty() || !number.startsWith(prefix)) {
            return null;
        }
        return engine.pbx.phone(number.substring(prefix.length())).orElse(null);
    }

    /** {@code Answer()}: Newexten, Newstate Up, and media from now on (44, 46). */
    private void answerInDialplan(SimChannel ch, String number, Runnable afterFirstStep) {
        engine.newexten(ch, number, 1, "Answer", "");
        engine.setState(ch, ChannelState.UP);
        engine.media.start(ch);
        afterFirstStep.run();
        ch.activity = SimChannel.Activity.APP;
        ch.inDialplan = true;
    }

    // ---- Read: one key, 10 s ------------------------------------------------------------------

    /**
     * {@code Read(<var>,,1,,,10)} at {@code priority}: with no prompt to play Read first reports
     * READSTATUS ERROR (the recorded PBX has no sound files), then waits for a key: the key sets
     * the variable and READSTATUS OK; 10 s without one give an empty variable and TIMEOUT
     * (inferred: the recordings always pressed in time). A hangup gives an empty variable and HANGUP.
     */
    private void read(
            SimChannel ch, String number, int priority, String variable, java.util.function.Consumer<String> then) {
        engine.newexten(ch, number, priority, "Read", variable + ",,1,,,10");
        engine.setVar(ch, "READSTATUS", "ERROR");
        ch.cancelTimer = engine.schedule(KEY_WAIT, () -> {
            if (!ch.hungUp && ch.app != null) {
                ch.app = null;
                ch.onHangup = () -> {};
                engine.setVar(ch, variable, "");
                engine.setVar(ch, "READSTATUS", "TIMEOUT");
                then.accept("");
            }
        });
        ch.app = (c, digit) -> {
            c.app = null;
            c.onHangup = () -> {};
            c.cancelTimer.run();
            engine.setVar(c, variable, String.valueOf(digit));
            engine.setVar(c, "READSTATUS", "OK");
            then.accept(String.valueOf(digit));
        };
        ch.onHangup = () -> {
            engine.setVar(ch, variable, "");
            engine.setVar(ch, "READSTATUS", "HANGUP");
        };
    }

    // ---- IVR ---------------------------------------------------------------------------------

    /** The IVR loop of transcript 44: Read, UserEvent IvrDigit with the key and the caller, Goto(loop). */
    private void ivrRead(SimChannel ch, String number) {
        read(ch, number, 2, "D", key -> {
            String caller = ch.caller.number() == null ? "" : ch.caller.number();
            engine.newexten(ch, number, 3, "UserEvent", "IvrDigit,Digit: " + key + ",Caller: " + caller);
            engine.emit(CallEvents.userEvent(ch, "IvrDigit", "Digit", key, "Caller", caller));
            engine.newexten(ch, number, 4, "Goto", "loop");
            ivrRead(ch, number);
        });
    }

    // ---- presence feature code ----------------------------------------------------------------

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
                    String value = engine.pbx.presenceByFeatureCode(ch.endpoint, option);
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
    private void dialplanHangup(SimChannel c, String number, int priority) {
        engine.newexten(c, number, priority, "Hangup", "");
        c.inDialplan = false;
        engine.emit(CallEvents.hangupRequest("SoftHangupRequest", c, HangupCause.NORMAL_CLEARING.code));
        engine.hangup(c, HangupCause.NORMAL_CLEARING.code, false);
    }

    /**
     * A leg running an application ends by its phone's BYE (44, 46): the application's own end
     * (Read's HANGUP), then, in the dialplan, the PBX's SoftHangupRequest 16.
     */
    void applicationEnds(SimChannel ch) {
        Runnable end = ch.onHangup;
        ch.onHangup = () -> {};
        ch.app = null;
        ch.cancelTimer.run();
        end.run();
        if (ch.inDialplan) {
            ch.inDialplan = false;
            engine.emit(CallEvents.hangupRequest("SoftHangupRequest", ch, HangupCause.NORMAL_CLEARING.code));
        }
    }

    // ---- ChanSpy -------------------------------------------------------------------------------

    /** The ChanSpy options of a spy feature code ({@code *54} listen, {@code *55} whisper, {@code *56} barge). */
    private String spyOptions(String number) {
        PbxPort pbx = engine.pbx;
        for (String[] code : new String[][] {
            {pbx.bargeFeatureCode(), "qEB"}, {pbx.whisperFeatureCode(), "qEw"}, {pbx.listenFeatureCode(), "qE"}
        }) {
            if (code[0] != null && !code[0].isEmpty() && number.startsWith(code[0])) {
                return code[1];
            }
        }
        return null;
    }

    /** The feature code {@code number} starts with, or null. */
    private String spyCode(String number) {
        PbxPort pbx = engine.pbx;
        for (String code : new String[] {pbx.bargeFeatureCode(), pbx.whisperFeatureCode(), pbx.listenFeatureCode()}) {
            if (code != null && !code.isEmpty() && number.startsWith(code)) {
                return code;
            }
        }
        return null;
    }

    /** {@code *56} alone: the UCM prompts for the number; keys up to {@code #} (inferred). */
    private void spyTargetPrompt(SimChannel ch, String number) {
        engine.newexten(ch, number, 2, "Read", "SPYNUM,please-enter-the,,,");
        StringBuilder keys = new StringBuilder();
        ch.cancelTimer = engine.schedule(KEY_WAIT, () -> {
            if (!ch.hungUp && ch.app != null) {
                ch.app = null;
                dialplanHangup(ch, number, 3);
            }
        });
        ch.app = (c, digit) -> {
            if (digit != '#') {
                keys.append(digit);
                return;
            }
            c.app = null;
            c.cancelTimer.run();
            startSpyFromFeatureCode(c, number, keys.toString());
        };
    }

    /** {@code ChanSpy(PJSIP/<ext>,qE…)} at priority 2 (46); then {@code Hangup()} at 3 when it returns. */
    private void startSpyFromFeatureCode(SimChannel ch, String number, String target) {
        String tech = engine.pbx.phone(target).map(PbxPort.Phone::tech).orElse("PJSIP");
        String data = tech + "/" + target + "," + spyOptions(number);
        engine.newexten(ch, number, 2, "ChanSpy", data);
        startSpy(ch, data);
    }

    /**
     * ChanSpy returned because the spied channel hung up ({@code E}): in the dialplan the next step
     * is {@code Hangup()} (priority 3); an Originate's application leg simply ends.
     */
    void spyExited(SimChannel spyer) {
        if (spyer.hungUp) {
            return;
        }
        if (spyer.inDialplan) {
            dialplanHangup(spyer, spyer.exten, spyer.priority + 1);
        } else {
            engine.hangup(spyer, HangupCause.NORMAL_CLEARING.code, false);
        }
    }

    /** Starts ChanSpy on {@code spyer}: ChanSpyStart at once if a channel matches, else it waits. */
    void startSpy(SimChannel spyer, String data) {
        Spy spy = Spy.parse(spyer, data);
        spyer.activity = SimChannel.Activity.SPYING;
        spyer.application = "ChanSpy";
        spyer.appData = data;
        engine.spies.add(spy);
        attach(spy);
    }

    /**
     * How often the spied call's bridge re-announces its peers (BRIDGEPEER, BRIDGEPVTCALLID on both
     * legs) when ChanSpy's audiohook joins and leaves it: the bridge leaves native_rtp for the hook and
     * comes back (45, 46: four rounds on ChanSpyStart, five around ChanSpyStop; recorded with the
     * barge option, taken as the same for listen and whisper, which hook the same way).
     */
    static final int SPY_ATTACH_UPDATES = 4;

    static final int SPY_DETACH_UPDATES = 5;

    /** ChanSpy picks the first matching channel that is up (oldest first); a ringing one is skipped. */
    private void attach(Spy spy) {
        for (SimChannel c : engine.channels()) {
            if (spy.matches(c) && c.state == ChannelState.UP && c.activity != SimChannel.Activity.SPYING) {
                spy.spyee = c;
                engine.emit(CallEvents.chanSpy("ChanSpyStart", spy.spyer, c));
                engine.bridgePeerUpdates(c.bridge, SPY_ATTACH_UPDATES);
                return;
            }
        }
    }

    void attachWaitingSpies() {
        for (Spy spy : List.copyOf(engine.spies)) {
            if (spy.spyee == null) {
                attach(spy);
            }
        }
    }

    /** {@code spyer} ends: ChanSpyStop before its Hangup (transcript 17). */
    void stopSpying(SimChannel spyer) {
        for (Spy spy : List.copyOf(engine.spies)) {
            if (spy.spyer == spyer) {
                engine.spies.remove(spy);
                if (spy.spyee != null) {
                    engine.bridgePeerUpdates(spy.spyee.bridge, SPY_DETACH_UPDATES);
                    engine.emit(CallEvents.chanSpy("ChanSpyStop", spyer, spy.spyee));
                }
            }
        }
    }

    /**
     * {@code spyee} ends: each spy on it gets ChanSpyStop (transcript 17c: right before the spyee's
     * Hangup). Spies with {@code E} are returned to be hung up; the others keep scanning.
     */
    List<SimChannel> stopSpiesOn(SimChannel spyee) {
        List<SimChannel> exiting = new ArrayList<>();
        for (Spy spy : List.copyOf(engine.spies)) {
            if (spy.spyee == spyee) {
                engine.emit(CallEvents.chanSpy("ChanSpyStop", spy.spyer, spyee));
                spy.spyee = null;
                if (spy.exitWithTarget) {
                    engine.spies.remove(spy);
                    exiting.add(spy.spyer);
                }
            }
        }
        return exiting;
    }

    /** Originate's application form for apps other than ChanSpy: a timed or endless state. */
    void runApplication(SimChannel ch, String application, String data) {
        ch.application = application;
        ch.appData = data == null ? "" : data;
        ch.activity = SimChannel.Activity.APP;
        Duration limit = switch (application.toLowerCase(java.util.Locale.ROOT)) {
            case "wait" -> parseSeconds(data);
            case "playback" -> PLAYBACK;
            default -> null;
        };
        if (limit != null) {
            ch.cancelTimer = engine.schedule(limit, () -> engine.hangup(ch, HangupCause.NORMAL_CLEARING.code, false));
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
