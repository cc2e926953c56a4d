package io.ucmkit.simulator.call;

import java.util.function.Consumer;

/**
 * One leg ringing towards a phone: from another channel ({@code Dial}) or from an Originate
 * (no caller, docs/ami.md §4.2: DialBegin/DialEnd then carry only the Dest block).
 */
final class DialAttempt {
    final SimChannel caller;
    final SimChannel dest;
    final String dialString;
    final Runnable onAnswer;
    final Consumer<Ringing.DialFailure> onFail;
    Runnable cancelTimeout = () -> {};

    DialAttempt(
            SimChannel caller,
            SimChannel dest,
            String dialString,
            Runnable onAnswer,
            Consumer<Ringing.DialFailure> onFail) {
        this.caller = caller;
        this.dest = dest;
        this.dialString = dialString;
        this.onAnswer = onAnswer;
        this.onFail = onFail;
    }
}
