package io.ucmkit.driver;

import java.time.Duration;

/** A timeout as an operator reads it in a reason: "10 s" for whole seconds, else "300 ms". */
final class DurationWords {

    private DurationWords() {}

    static String of(Duration d) {
        long ms = d.toMillis();
        return ms >= 1000 && ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
