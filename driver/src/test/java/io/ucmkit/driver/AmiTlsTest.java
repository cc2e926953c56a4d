package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import java.nio.file.Path;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class AmiTlsTest {

    private static DriverConfig.Builder config() {
        return DriverConfig.builder()
                .address("192.168.1.10")
                .port(5039)
                .username("u")
                .password("p")
                .tls(true);
    }

    @Test
    void hostNamesAreVerifiedWithOrWithoutATrustedCertificate() throws Exception {
        Path cert =
                Path.of(AmiTlsTest.class.getResource("/tls/ucm-test-cert.pem").toURI());
        for (DriverConfig c : new DriverConfig[] {
            config().build(), config().tlsTrustCertificate(cert).build()
        }) {
            SSLEngine engine = AmiTls.clientContext(c).newEngine(ByteBufAllocator.DEFAULT, c.address(), c.port());
            assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm())
                    .isEqualTo("HTTPS");
        }
    }

    @Test
    void theHandshakeReasonIsTheInnermostCauseAndWhatToDo() {
        var cause = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
        cause.initCause(new java.security.cert.CertificateException(
                "No subject alternative names matching IP address 192.168.1.10 found"));

        assertThat(AmiTls.handshakeFailure(
                        cause, config().tlsTrustCertificate(Path.of("ucm.pem")).build()))
                .isEqualTo("TLS handshake failed: No subject alternative names matching IP address 192.168.1.10 found; "
                        + "is ucm.pem the PBX's certificate or its CA, and does it name 192.168.1.10?");
    }

    @Test
    void aHandshakeFailureThatIsNotAboutTrustDoesNotAskForACertificate() {
        var cause = new javax.net.ssl.SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)");

        assertThat(AmiTls.handshakeFailure(cause, config().build()))
                .isEqualTo(
                        "TLS handshake failed: No appropriate protocol (protocol is disabled or cipher suites are inappropriate); "
                                + "check the PBX's TLS settings (protocol versions, ciphers) against a Java 17 client");
    }
}
