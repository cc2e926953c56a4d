package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.DriverEvent;
import io.ucmkit.driver.LoginMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceUnitTest {

    @TempDir
    Path dir;

    @Test
    void aYamlConfigFillsTheDriverConfig() throws IOException {
        Path file = dir.resolve("driver.yaml");
        Files.writeString(file, """
                address: 10.0.0.5
                port: 7777
                username: amiadmin
                password: amiadmin1
                loginMode: md5_or_plain
                channelTech: SIP
                keepaliveIntervalMs: 2000
                reconnect: {initialMs: 100, maxMs: 1000, multiplier: 3, jitter: 0}
                dataserverPort: 0
                """);

        DriverConfig c = ServiceConfig.load(file).toDriverConfig();

        assertThat(c.address()).isEqualTo("10.0.0.5");
        assertThat(c.loginMode()).isEqualTo(LoginMode.MD5_OR_PLAIN);
        assertThat(c.channelTech()).isEqualTo("SIP");
        assertThat(c.keepaliveInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.reconnect().delay(2, 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(c.problems()).isEmpty();
    }

    @Test
    void aJsonConfigIsReadByTheSameParser() throws IOException {
        Path file = dir.resolve("driver.json");
        Files.writeString(file, "{\"address\":\"pbx\",\"username\":\"u\",\"password\":\"p\",\"port\":5038}");

        assertThat(ServiceConfig.load(file).toDriverConfig().port()).isEqualTo(5038);
    }

    @Test
    void theTlsTrustCertificateComesFromTheFileOrTheFlag() throws IOException {
        Path file = dir.resolve("tls.yaml");
        Files.writeString(
                file, "address: pbx\nusername: u\npassword: p\ntls: true\ntlsTrustCertificate: /etc/ucm.pem\n");
        assertThat(ServiceConfig.load(file).toDriverConfig().tlsTrustCertificate())
                .isEqualTo(Path.of("/etc/ucm.pem"));

        DriverMain main = new DriverMain();
        new picocli.CommandLine(main).parseArgs("--tls", "--tls-trust-cert", "ucm.pem");
        assertThat(main.tlsTrustCertificate).isEqualTo(Path.of("ucm.pem"));
    }

    @Test
    void aHistoryGapCountsTheEventsOfThisRunThatAreNoLongerRetained() {
        EventHistory history = new EventHistory(2, 1000);
        for (int i = 0; i < 4; i++) { // ids 1000..1003; 1002 and 1003 retained
            history.append(new DriverEvent.WorkflowTrigger("t" + i, Map.of(), Instant.EPOCH));
        }

        assertThat(history.subscribe(1000, e -> {}).gap()).isEqualTo(new EventHistory.Gap(1000, 1002, 1));
        assertThat(history.subscribe(1001, e -> {}))
                .satisfies(b -> assertThat(b.gap()).isNull())
                .satisfies(b -> assertThat(b.entries())
                        .extracting(EventHistory.Entry::id)
                        .containsExactly(1002L, 1003L));
        // An id of an earlier run of the service: only this run's dropped events are known to be missed.
        assertThat(history.subscribe(5, e -> {}).gap()).isEqualTo(new EventHistory.Gap(5, 1002, 2));
        assertThat(history.subscribe(-1, e -> {})).isEqualTo(new EventHistory.Backlog(null, java.util.List.of()));
    }

    @Test
    void anUnknownFieldFailsNamingIt() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "adress: pbx\n");

        assertThatThrownBy(() -> ServiceConfig.load(file).toDriverConfig())
                .hasMessageContaining("unknown field 'adress'");
    }

    @Test
    void secretsInLogLinesAreMasked() {
        assertThat(LogHub.mask("Login Username: a Secret: hunter2, Key: abc123 password=pw1"))
                .isEqualTo("Login Username: a Secret: ********, Key: ******** password=********");
    }
}
