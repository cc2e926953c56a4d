package io.ucmkit.features.support;

import io.cucumber.java.BeforeAll;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Waiting without sleeping: every step that waits for the PBX or the driver uses Awaitility.
 * Its defaults (first look after 100 ms, then every 100 ms) would add a tenth of a second to
 * each wait of each scenario; the suite looks at once and then every 10 ms.
 */
public final class AwaitilityDefaults {

    @BeforeAll
    public static void lookOftenAndAtOnce() {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
    }
}
