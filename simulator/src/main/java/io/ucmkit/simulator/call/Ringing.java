package io.ucmkit.simulator.call;

import io.ucmkit.ami.ChannelState;
import java.time.Duration;

/**
 * A leg ringing towards its phone, and how that ends: answered, rejected with a SIP answer, timed
 * out, or cancelled by the caller (transcripts 40–43). Called with the {@link CallEngine}'s lock held;
 * its timers are the engine's.
 */
final class Ringing {

    private final CallEngine engine;

    Ringing(CallEngine engine) {
        this.engine = engine;
    }

    /** Why a dial attempt failed, and the leg that was dialled (null when none could be created). */
    record DialFailure(int cause, SimChannel dest) {}

    /**
     * Rings {@code attempt.dest}'s phone per its answer mode. An Originate leg (no caller):
     * DialBegin, Newstate Ringing, DialState RINGING (40). A Dial leg: DialBegin, the caller's
     * connected line becomes the callee, Newstate Ringing, the caller's RINGTIME, DialState (40).
     * A busy phone answers 486 at once, without ringing; the others ring and then reject with
     * their {@code declineWith} answer, answer after the auto-answer delay, or wait for the
     * control API or the timeout.
     */
    void ring(DialAttempt attempt, PbxPort.Phone phone, Duration timeout) {
        SimChannel dest = attempt.dest;
        SimChannel caller = attempt.caller;
        dest.inbound(attempt);
        if (caller != null) {
            caller.outbound(attempt);
            caller.activity(SimChannel.Activity.DIALLING);
        }
        engine.emit(CallEvents.dial("DialBegin", caller, dest, "DialString", attempt.dialString));
        if (phone.mode() == PbxPort.AnswerMode.BUSY) {
            reject(attempt, HangupCause.USER_BUSY.code, 486);
            return;
        }
        dest.activity(SimChannel.Activity.RINGING);
        engine.deviceChanged(dest.endpoint);
        if (caller != null) {
            engine.setConnected(caller, dest.caller());
        }
        engine.setState(dest, ChannelState.RINGING);
        if (caller != null && caller.dialStep() != null) {
            DialStep step = caller.dialStep();
            step.ringingMillis = engine.now();
            long ms = step.ringingMillis - step.startedMillis;
            engine.setVar(caller, "RINGTIME", Long.toString(ms / 1000));
            engine.setVar(caller, "RINGTIME_MS", Long.toString(ms));
        }
        if (!engine.asterisk13()) {
            engine.emit(CallEvents.dial("DialState", caller, dest, "DialStatus", "RINGING"));
        }
        engine.updateDeviceStates();
        switch (phone.mode()) {
            case DECLINE -> reject(attempt, phone.declineCause(), phone.declineWith());
            case AUTO -> {
                dest.timer(engine.schedule(phone.autoAnswerDelay(), () -> {
                    if (dest.inbound() == attempt && !dest.hungUp()) {
                        answer(dest);
                    }
                }));
                armTimeout(attempt, timeout);
            }
            default -> armTimeout(attempt, timeout);
        }
    }

    private void armTimeout(DialAttempt attempt, Duration timeout) {
        attempt.cancelTimeout = engine.schedule(timeout, () -> {
            if (attempt.dest.inbound() == attempt && !attempt.dest.hungUp()) {
                timeout(attempt);
            }
        });
    }

    /**
     * The ringing phone answers. Originate leg: Newstate Up, DialEnd ANSWER, then the Originate
     * goes on (40). Dial leg: Newstate Up, the caller's DIALSTATUS/DIALEDPEER*, DialEnd ANSWER
     * (the callee's exten already cleared), then the bridge (40).
     */
    void answer(SimChannel dest) {
        DialAttempt a = dest.inbound();
        a.cancelTimeout.run();
        dest.cancelTimer();
        dest.inbound(null);
        SimChannel caller = a.caller;
        if (caller != null) {
            caller.outbound(null);
        }
        dest.activity(SimChannel.Activity.IDLE);
        engine.deviceChanged(dest.endpoint);
        engine.setState(dest, ChannelState.UP);
        engine.media().start(dest);
        if (caller != null && caller.dialStep() != null) {
            caller.dialStep().answeredMillis = engine.now();
            engine.setVar(caller, "DIALSTATUS", "ANSWER");
            engine.setVar(caller, "DIALEDPEERNAME", dest.name);
            engine.setVar(caller, "DIALEDPEERNUMBER", a.dialString);
            dest.exten("");
        }
        engine.emit(CallEvents.dial("DialEnd", caller, dest, "DialStatus", "ANSWER"));
        engine.updateDeviceStates();
        a.onAnswer.run();
        engine.updateDeviceStates();
    }

    /**
     * The phone rejects the ringing leg with a SIP answer: its HangupRequest with the cause
     * (486 → 17, 603 → 21) and the answer as TechCause, DialEnd with app_dial's status for that
     * cause (BUSY, or NOANSWER for 21: {@code ast_hangup_cause_to_dial_status}), then the
     * attempt's continuation (41, 43).
     */
    void reject(DialAttempt a, int cause, Integer sipAnswer) {
        SimChannel dest = a.dest;
        dest.techCause(sipAnswer);
        engine.emit(CallEvents.hangupRequest("HangupRequest", dest, cause));
        endRinging(a);
        engine.emit(CallEvents.dial("DialEnd", a.caller, dest, "DialStatus", HangupCause.dialStatus(cause)));
        if (a.caller != null) {
            a.caller.hangupCause(cause);
            a.caller.techCause(sipAnswer);
        }
        a.onFail.accept(new DialFailure(cause, dest));
        engine.finish(dest, cause);
        engine.flushPendingHangups();
        engine.updateDeviceStates();
    }

    /** The ring timeout: DialEnd NOANSWER, no HangupRequest, the callee's Hangup with cause 0 (42b). */
    private void timeout(DialAttempt a) {
        endRinging(a);
        engine.emit(CallEvents.dial("DialEnd", a.caller, a.dest, "DialStatus", "NOANSWER"));
        a.onFail.accept(new DialFailure(HangupCause.NO_ANSWER.code, a.dest));
        engine.finish(a.dest, HangupCause.NOT_DEFINED.code);
        engine.flushPendingHangups();
        engine.updateDeviceStates();
    }

    /** The caller gives up while the callee rings: DialEnd CANCEL, the callee's Hangup (cause 16). */
    void cancel(DialAttempt a) {
        endRinging(a);
        engine.emit(CallEvents.dial("DialEnd", a.caller, a.dest, "DialStatus", "CANCEL"));
        engine.finish(a.dest, HangupCause.NORMAL_CLEARING.code);
    }

    private void endRinging(DialAttempt a) {
        a.cancelTimeout.run();
        a.dest.cancelTimer();
        a.dest.inbound(null);
        if (a.caller != null) {
            a.caller.outbound(null);
            a.caller.activity(SimChannel.Activity.IDLE);
        }
    }
}
