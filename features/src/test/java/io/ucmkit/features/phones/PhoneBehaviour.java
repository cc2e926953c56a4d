package io.ucmkit.features.phones;

import io.ucmkit.simulator.admin.AnswerMode;

/**
 * How a phone deals with an incoming call, in the features' words. The simulator has an answer
 * mode for each; a soft phone on a real PBX acts them out (see {@link BaresipPhone}).
 */
public enum PhoneBehaviour {
    /** Auto answer. */
    ANSWERS_BY_ITSELF(AnswerMode.AUTO),
    /** Rings until a person answers or rejects (or the PBX gives up). */
    ANSWERED_BY_HAND(AnswerMode.MANUAL),
    /** Rejects at once; a real phone answers 486 (baresip always does), Asterisk then reports BUSY. */
    REJECTS_EVERY_CALL(AnswerMode.DECLINE),
    /** Answers 486 Busy Here. */
    BUSY(AnswerMode.BUSY),
    /** Rings and nobody answers. */
    DOES_NOT_ANSWER(AnswerMode.NO_ANSWER),
    /** Switched off or unplugged: no registration on the PBX. */
    NOT_REGISTERED(null);

    private final AnswerMode simulatorMode;

    PhoneBehaviour(AnswerMode simulatorMode) {
        this.simulatorMode = simulatorMode;
    }

    /** The simulator's answer mode for it; null for {@link #NOT_REGISTERED}, which is its registration instead. */
    public AnswerMode simulatorMode() {
        return simulatorMode;
    }
}
