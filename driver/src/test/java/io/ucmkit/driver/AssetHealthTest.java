package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetHealthTest {

    @TempDir
    Path dataDir;

    private final DriverConfig config = DriverConfig.builder()
            .address("pbx")
            .port(7777)
            .username("admin")
            .password("p")
            .failureThreshold(2)
            .build();
    private SystemAsset asset;
    private AssetHealth health;

    @BeforeEach
    void newAsset() {
        asset = new SystemAsset(Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC), dataDir, e -> {});
        health = new AssetHealth(config, asset);
    }

    @Test
    void aSessionUpWithEveryPrivilegeIsNormal() {
        health.sessionUp(new Privileges(true, true, true));

        assertThat(asset.state()).isEqualTo("Normal");
        assertThat(asset.reason()).isEqualTo("connected to pbx:7777 as admin");
    }

    @Test
    void withoutASessionNothingButTheLossIsJudged() {
        health.actionOutcome(true);
        health.actionOutcome(true);
        health.privilegeMissing("AMI user 'admin' lacks the originate privilege");

        assertThat(asset.state()).isEqualTo("No Communication");
        assertThat(asset.reason()).isEqualTo("not connected yet");
    }

    @Test
    void actionsWithoutAnswerUpToTheThresholdAreAFaultThatAnAnswerClears() {
        health.sessionUp(Privileges.UNKNOWN);

        health.actionOutcome(true);
        assertThat(asset.state()).isEqualTo("Normal");
        health.actionOutcome(true);
        assertThat(asset.state()).isEqualTo("Fault");
        assertThat(asset.reason()).isEqualTo("2 consecutive actions got no answer from the PBX");

        health.actionOutcome(false);
        assertThat(asset.state()).isEqualTo("Normal");
    }

    @Test
    void aMissingPrivilegeFromListCommandsOrFromAnAnswerIsAFault() {
        health.sessionUp(new Privileges(true, false, true));
        assertThat(asset.state()).isEqualTo("Fault");
        assertThat(asset.reason()).startsWith("AMI user 'admin' lacks the originate privilege");

        health.sessionUp(Privileges.UNKNOWN);
        assertThat(asset.state()).isEqualTo("Normal");
        health.privilegeMissing("Originate answered Permission denied");
        assertThat(asset.reason()).isEqualTo("Originate answered Permission denied");
    }

    @Test
    void anAnnouncedShutdownIsAFaultNamedInTheLossAndForgottenByTheNextSession() {
        health.sessionUp(Privileges.UNKNOWN);
        health.shutdownAnnounced("Cleanly", "True");
        assertThat(asset.state()).isEqualTo("Fault");

        String why = health.lossReason("connection closed by the PBX");
        health.sessionDown(why);
        assertThat(asset.state()).isEqualTo("No Communication");
        assertThat(asset.reason())
                .isEqualTo("connection closed by the PBX after PBX announced Shutdown (Cleanly, restart True)");

        health.sessionUp(Privileges.UNKNOWN);
        assertThat(asset.state()).isEqualTo("Normal");
        assertThat(health.lossReason("x")).isEqualTo("x");
    }

    @Test
    void anInvalidConfigurationIsNoCommunicationWithItsProblems() {
        health.configurationInvalid(List.of("address is missing", "port must be 1-65535, was 0"));

        assertThat(asset.reason()).isEqualTo("configuration invalid: address is missing; port must be 1-65535, was 0");
    }
}
