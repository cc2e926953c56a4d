package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectDelayTest {

    private final ReconnectDelay policy = new ReconnectDelay(Duration.ofMillis(100), Duration.ofSeconds(2), 2.0, 0.25);

    @Test
    void withoutJitterTheDelayDoublesUpToTheMaximum() {
        assertThat(policy.delay(1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.delay(2, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delay(4, 0.5)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.delay(10, 0.5)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterSpreadsTheDelayByTheConfiguredFractionAndNeverBeyondTheMaximum() {
        assertThat(policy.delay(3, 0.0)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.delay(3, 0.999999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
        assertThat(policy.delay(30, 0.999999)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nonsensicalPoliciesAreRejected() {
        assertThatThrownBy(() -> new ReconnectDelay(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("initial");
        assertThatThrownBy(() -> new ReconnectDelay(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .hasMessageContaining("max");
        assertThatThrownBy(() -> new ReconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0))
                .hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new ReconnectDelay(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5))
                .hasMessageContaining("jitter");
    }
}
