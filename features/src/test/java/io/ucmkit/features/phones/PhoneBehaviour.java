package io.ucmkit.features.phones;

/**
 * How a phone deals with an incoming call, in the features' words. The simulator has an answer
 * mode for each; a soft phone on a real PBX acts them out (see {@link BaresipPhone}).
 */
public enum PhoneBehaviour {
    /** Auto answer. */
    ANSWERS_BY_ITSELF("auto"),
    /** Rings until a person answers or rejects (or the PBX gives up). */
    ANSWERED_BY_HAND("manual"),
    /** Rejects at once; a real phone answers 486 (baresip always does), Asterisk then reports BUSY. */
    REJECTS_EVERY_CALL("decline"),
    /** Answers 486 Busy Here. */
    BUSY("busy"),
    /** Rings and nobody answers. */
    DOES_NOT_ANSWER("no-answer"),
    /** Switched off or unplugged: no registration on the PBX. */
    NOT_REGISTERED("unregistered");

    private final String simulatorMode;

    PhoneBehaviour(String simulatorMode) {
        this.simulatorMode = simulatorMode;
    }

    /** The simulator's answer mode for it ({@code unregistered} is its registration instead). */
    public String simulatorMode() {
        return simulatorMode;
    }
}
