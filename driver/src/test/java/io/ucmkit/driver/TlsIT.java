package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMI over TLS: the scripted peer behind {@link TlsFront}, which presents a self-signed certificate as a UCM does. */
class TlsIT {

    @TempDir
    Path dataDir;

    private ScriptedAmiPeer peer;
    private TlsFront front;
    private UcmDriver driver;

    @BeforeEach
    void startPeer() throws Exception {
        peer = new ScriptedAmiPeer();
        front = new TlsFront(peer.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        front.close();
        peer.close();
    }

    private DriverConfig.Builder config() {
        return DriverConfig.builder()
                .address("127.0.0.1")
                .port(front.port())
                .username("admin")
                .password("secret1")
                .tls(true)
                .reconnect(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2))
                .refusedLoginRetry(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2));
    }

    private void start(DriverConfig config) {
        driver = UcmDriver.start(config, dataDir);
    }

    private void awaitReason(String start) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(driver.asset().reason()).startsWith(start));
    }

    @Test
    void givenThePbxsCertificateTheDriverLogsInOverTls() {
        start(config().tlsTrustCertificate(TlsFront.CERTIFICATE).build());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> driver.asset().state().equals("Normal"));
        assertThat(peer.received("Login"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("Key")).isEqualTo(LoginHandshake.md5Hex("840216730secret1")));
    }

    @Test
    void withoutTheCertificateTheHandshakeFailureIsTheNoCommunicationReasonAndNothingIsSent() {
        start(config().build());

        awaitReason("TLS handshake failed: ");
        assertThat(driver.asset().state()).isEqualTo("No Communication");
        assertThat(driver.asset().reason())
                .contains("unable to find valid certification path")
                .endsWith("; give the PBX's certificate with tlsTrustCertificate");
        assertThat(peer.received("Challenge")).isEmpty();
    }

    @Test
    void tlsAgainstThePlainAmiPortSaysSo() {
        start(config().port(peer.port()).build());

        awaitReason("TLS handshake failed: the PBX answered in plain text; is port " + peer.port()
                + " its TLS AMI port (UCM: 5039), or should tls be off?");
    }

    @Test
    void anUnreadableOrInvalidTrustFileIsAConfigurationErrorNamingIt() throws Exception {
        Path missing = dataDir.resolve("missing.pem");
        start(config().tlsTrustCertificate(missing).build());
        assertThat(driver.asset().state()).isEqualTo("No Communication");
        assertThat(driver.asset().reason())
                .isEqualTo("configuration invalid: tlsTrustCertificate " + missing + " cannot be read: no such file");
        driver.close();

        Path key = dataDir.resolve("key.pem");
        Files.copy(Path.of(TlsFront.class.getResource("/tls/ucm-test-key.pem").toURI()), key);
        start(config().tlsTrustCertificate(key).build());
        assertThat(driver.asset().reason())
                .startsWith("configuration invalid: tlsTrustCertificate " + key + " is not a PEM certificate");
        assertThat(peer.connections()).isZero();
    }

    @Test
    void aTrustFileWithoutTlsIsAConfigurationError() {
        start(config().tls(false).tlsTrustCertificate(TlsFront.CERTIFICATE).build());

        assertThat(driver.asset().reason())
                .isEqualTo("configuration invalid: tlsTrustCertificate " + TlsFront.CERTIFICATE
                        + " is set but tls is off");
    }
}
