package io.ucmkit.simulator.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated dialplan of {@code from-internal}: extensions are dialled, IVR numbers answer and
 * read keys, {@code *48} runs the presence prompt, {@code *54}/{@code *55}/{@code *56} spy
 * (listen/whisper/barge, AMI.md §6.3), and the Originate application form runs ChanSpy,
 * Playback, Wait, Echo or Milliwatt. Called with the engine's lock held.
 */
final class Apps {

    /** How long the IVR prompt plays before the IVR waits for a key (no audio: a timed state). */
    static final Duration IVR_PROMPT = Duration.ofSeconds(4);
    /** How long the IVR and the presence prompt wait for keys before they hang up. */
    static final Duration KEY_WAIT = Duration.ofSeconds(20);
    /** Playback of a prompt in the application form (no audio: a timed state). */
    static final Duration PLAYBACK = Duration.ofSeconds(3);

    private final CallEngine engine;

    Apps(CallEngine engine) {
        this.engine = engine;
    }

    /** Whether {@code number} leads anywhere in the simulated dialplan (Originate checks it first). */
    boolean exists(String number) {
        return engine.pbx.phone(number).isPresent() || engine.pbx.isIvr(number)
                || number.equals(engine.pbx.presenceFeatureCode()) || spyOptions(number) != null;
    }

    /**
     * Runs {@code ch} into {@code number}. {@code afterFirstStep} runs after the first Newexten —
     * where an Originate's OriginateResponse falls (transcripts 09 and 23).
     */
    void route(SimChannel ch, String number, Duration dialTimeout, Runnable afterFirstStep) {
        var phone = engine.pbx.phone(number);
        if (phone.isPresent()) {
            ch.exten = number;
            engine.dialExtension(ch, phone.get(), dialTimeout, afterFirstStep, cause -> {
                if (!ch.hungUp) {
                    engine.hangup(ch, cause, false);
                }
            });
        } else if (engine.pbx.isIvr(number)) {
            answerInDialplan(ch, number, afterFirstStep);
            ivr(ch, number);
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

    private void answerInDialplan(SimChannel ch, String number, Runnable afterFirstStep) {
        engine.newexten(ch, number, 1, "Answer", "");
        engine.setState(ch, ChannelState.UP);
        afterFirstStep.run();
        ch.activity = SimChannel.Activity.APP;
    }

    // ---- IVR ---------------------------------------------------------------------------------

    private void ivr(SimChannel ch, String number) {
        engine.newexten(ch, number, 2, "Background", "ivr-" + number);
        StringBuilder keys = new StringBuilder();
        ch.app = (c, digit) -> {
            keys.append(digit);
            c.variables.put("IVRDIGITS", keys.toString());
            c.cancelTimer.run();
            c.cancelTimer = hangupAfter(c, KEY_WAIT);
        };
        ch.cancelTimer = engine.clock.schedule(IVR_PROMPT, () -> {
            synchronized (engine) {
                if (!ch.hungUp && ch.app != null) {
                    engine.newexten(ch, number, 3, "WaitExten", Long.toString(KEY_WAIT.toSeconds()));
                    ch.cancelTimer = hangupAfter(ch, KEY_WAIT);
                }
            }
        });
    }

    // ---- presence feature code ----------------------------------------------------------------

    /** The six-option prompt of the SIP Presence Guide: 1 Unavailable … 6 Custom. */
    private void presencePrompt(SimChannel ch, String number) {
        engine.newexten(ch, number, 2, "Read", "PRESENCE,presence-options,1");
        ch.cancelTimer = hangupAfter(ch, KEY_WAIT);
        ch.app = (c, digit) -> {
            if (digit < '1' || digit > '6') {
                return;
            }
            c.app = null;
            c.cancelTimer.run();
            c.variables.put("PRESENCE", String.valueOf(digit));
            engine.pbx.presenceByFeatureCode(c.endpoint, digit - '0');
            engine.newexten(c, number, 3, "Playback", "presence-set");
            dialplanHangup(c, number, 4);
        };
    }

    /** {@code Hangup()} in the dialplan: SoftHangupRequest then Hangup, cause 16 (transcript 09, ;2 leg). */
    private void dialplanHangup(SimChannel c, String number, int priority) {
        engine.newexten(c, number, priority, "Hangup", "");
        engine.emit(CallEvents.hangupRequest("SoftHangupRequest", c, HangupCause.NORMAL_CLEARING.code));
        engine.hangup(c, HangupCause.NORMAL_CLEARING.code, false);
    }

    private Runnable hangupAfter(SimChannel ch, Duration wait) {
        return engine.clock.schedule(wait, () -> {
            synchronized (engine) {
                if (!ch.hungUp) {
                    dialplanHangup(ch, ch.exten, ch.priority + 1);
                }
            }
        });
    }

    // ---- ChanSpy -------------------------------------------------------------------------------

    /** The ChanSpy options of a spy feature code ({@code *54} listen, {@code *55} whisper, {@code *56} barge). */
    private String spyOptions(String number) {
        PbxPort pbx = engine.pbx;
        for (String[] code : new String[][] {{pbx.bargeFeatureCode(), "qB"}, {pbx.whisperFeatureCode(), "qw"},
                {pbx.listenFeatureCode(), "q"}}) {
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
        ch.cancelTimer = hangupAfter(ch, KEY_WAIT);
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

    private void startSpyFromFeatureCode(SimChannel ch, String number, String target) {
        String tech = engine.pbx.phone(target).map(PbxPort.Phone::tech).orElse("PJSIP");
        String data = tech + "/" + target + "-," + spyOptions(number) + "E";
        engine.newexten(ch, number, 3, "ChanSpy", data);
        startSpy(ch, data);
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

    /** ChanSpy picks the first matching channel that is up (oldest first); a ringing one is skipped. */
    private void attach(Spy spy) {
        for (SimChannel c : engine.channels()) {
            if (spy.matches(c) && c.state == ChannelState.UP && c.activity != SimChannel.Activity.SPYING) {
                spy.spyee = c;
                engine.emit(CallEvents.chanSpy("ChanSpyStart", spy.spyer, c));
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
            ch.cancelTimer = engine.clock.schedule(limit, () -> {
                synchronized (engine) {
                    engine.hangup(ch, HangupCause.NORMAL_CLEARING.code, false);
                }
            });
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
