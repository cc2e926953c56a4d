package io.ucmkit.simulator.admin;

import java.util.Locale;

/**
 * How a simulated phone takes a call: {@code MANUAL} rings until answered through the admin API or
 * the ring timeout; {@code AUTO} answers after a delay; {@code DECLINE} rings, then rejects with the
 * extension's {@code declineWith} SIP answer; {@code BUSY} answers 486 at once; {@code NO_ANSWER}
 * rings until the timeout.
 */
public enum AnswerMode {
    MANUAL,
    AUTO,
    DECLINE,
    BUSY,
    NO_ANSWER;

    /** As the control API and the PBX config spell it: {@code manual}, {@code no-answer}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
