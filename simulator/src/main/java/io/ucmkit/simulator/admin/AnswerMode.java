package io.ucmkit.simulator.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** The longest delay before an {@code AUTO} phone answers, in milliseconds: ten minutes. */
    public static final int MAX_DELAY_MS = 600_000;

    /** As the control API and the PBX config spell it: {@code manual}, {@code no-answer}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every mode as spelled on the wire, in this order: what the control API and the PBX config allow. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(AnswerMode::wire).toList();
    }

    /** The mode spelled exactly {@code wire}; empty for anything else. */
    public static Optional<AnswerMode> ofWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(wire)).findFirst();
    }
}
