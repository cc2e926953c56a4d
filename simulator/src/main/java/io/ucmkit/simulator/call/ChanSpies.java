package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The channels running ChanSpy (docs/ami.md §6.1; transcripts 17, 45, 46): started by Originate's
 * application form or the spy feature codes ({@code *54} listen, {@code *55} whisper, {@code *56}
 * barge, each followed by the target extension), attached to the first matching call that is up,
 * stopped when either side ends. Called with the {@link CallEngine}'s lock held.
 */
final class ChanSpies {

    /**
     * How often the spied call's bridge re-announces its peers (BRIDGEPEER, BRIDGEPVTCALLID on both
     * legs) when ChanSpy's audiohook joins and leaves it: the bridge leaves native_rtp for the hook and
     * comes back (45, 46: four rounds on ChanSpyStart, five around ChanSpyStop; recorded with the
     * barge option, taken as the same for listen and whisper, which hook the same way).
     */
    static final int SPY_ATTACH_UPDATES = 4;

    static final int SPY_DETACH_UPDATES = 5;

    private final CallEngine engine;
    private final List<Spy> spies = new ArrayList<>();

    ChanSpies(CallEngine engine) {
        this.engine = engine;
    }

    /** The spy {@code spyer} runs, if it runs one. */
    Optional<Spy> spyOf(SimChannel spyer) {
        Spy found = null;
        for (Spy s : spies) {
            if (s.spyer == spyer) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    // ---- the feature codes ----------------------------------------------------------------------

    /** Whether {@code number} starts with a spy feature code. */
    boolean isFeatureCode(String number) {
        return featureCodeOf(number) != null;
    }

    /** The feature code {@code number} starts with and its ChanSpy options, or null. */
    private String[] featureCodeOf(String number) {
        PbxPort pbx = engine.pbx();
        for (String[] code : new String[][] {
            {pbx.bargeFeatureCode(), "qEB"}, {pbx.whisperFeatureCode(), "qEw"}, {pbx.listenFeatureCode(), "qE"}
        }) {
            if (code[0] != null && !code[0].isEmpty() && number.startsWith(code[0])) {
                return code;
            }
        }
        return null;
    }

    /** A spy feature code dialled: with a target, ChanSpy at once; alone, the prompt for one. */
    void featureCode(SimChannel ch, String number) {
        String target = number.substring(featureCodeOf(number)[0].length());
        if (target.isEmpty()) {
            targetPrompt(ch, number);
        } else {
            startFromFeatureCode(ch, number, target);
        }
    }

    /** {@code *56} alone: the UCM prompts for the number; keys up to {@code #} (inferred). */
    private void targetPrompt(SimChannel ch, String number) {
        engine.newexten(ch, number, 2, "Read", "SPYNUM,please-enter-the,,,");
        StringBuilder keys = new StringBuilder();
        ch.timer(engine.schedule(Apps.KEY_WAIT, () -> {
            if (!ch.hungUp() && ch.app() != null) {
                ch.app(null);
                engine.apps().dialplanHangup(ch, number, 3);
            }
        }));
        ch.app((c, digit) -> {
            if (digit != '#') {
                keys.append(digit);
                return;
            }
            c.app(null);
            c.cancelTimer();
            startFromFeatureCode(c, number, keys.toString());
        });
    }

    /** {@code ChanSpy(PJSIP/<ext>,qE…)} at priority 2 (46); then {@code Hangup()} at 3 when it returns. */
    private void startFromFeatureCode(SimChannel ch, String number, String target) {
        String tech = engine.pbx().phone(target).map(PbxPort.Phone::tech).orElse("PJSIP");
        String data = tech + "/" + target + "," + featureCodeOf(number)[1];
        engine.newexten(ch, number, 2, "ChanSpy", data);
        start(ch, data);
    }

    // ---- spying ---------------------------------------------------------------------------------

    /** Starts ChanSpy on {@code spyer}: ChanSpyStart at once if a channel matches, else it waits. */
    void start(SimChannel spyer, String data) {
        Spy spy = Spy.parse(spyer, data);
        spyer.activity(SimChannel.Activity.SPYING);
        spyer.runs("ChanSpy", data);
        spies.add(spy);
        attach(spy);
    }

    /** ChanSpy picks the first matching channel that is up (oldest first); a ringing one is skipped. */
    private void attach(Spy spy) {
        for (SimChannel c : engine.channels()) {
            if (spy.matches(c) && c.state() == ChannelState.UP && c.activity() != SimChannel.Activity.SPYING) {
                spy.spyee = c;
                engine.emit(CallEvents.chanSpy("ChanSpyStart", spy.spyer, c));
                engine.dial().peerUpdates(c.bridge(), SPY_ATTACH_UPDATES);
                return;
            }
        }
    }

    /** A bridge formed: spies still scanning may find their channel now. */
    void attachWaiting() {
        for (Spy spy : List.copyOf(spies)) {
            if (spy.spyee == null) {
                attach(spy);
            }
        }
    }

    /** {@code spyer} ends: ChanSpyStop before its Hangup (transcript 17). */
    void stopSpying(SimChannel spyer) {
        for (Spy spy : List.copyOf(spies)) {
            if (spy.spyer == spyer) {
                spies.remove(spy);
                if (spy.spyee != null) {
                    engine.dial().peerUpdates(spy.spyee.bridge(), SPY_DETACH_UPDATES);
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
        for (Spy spy : List.copyOf(spies)) {
            if (spy.spyee == spyee) {
                engine.emit(CallEvents.chanSpy("ChanSpyStop", spy.spyer, spyee));
                spy.spyee = null;
                if (spy.exitWithTarget) {
                    spies.remove(spy);
                    exiting.add(spy.spyer);
                }
            }
        }
        return exiting;
    }

    /**
     * ChanSpy returned because the spied channel hung up ({@code E}): in the dialplan the next step
     * is {@code Hangup()} (priority 3); an Originate's application leg simply ends.
     */
    void spyExited(SimChannel spyer) {
        if (spyer.hungUp()) {
            return;
        }
        if (spyer.inDialplan()) {
            engine.apps().dialplanHangup(spyer, spyer.exten(), spyer.priority() + 1);
        } else {
            engine.hangups().hangup(spyer, HangupCause.NORMAL_CLEARING.code, false);
        }
    }
}
