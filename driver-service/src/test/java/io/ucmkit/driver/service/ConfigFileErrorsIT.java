package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./ucmkit driver --config bad.yaml}: exit 2, every problem of the file on a line of its own, no PBX contacted. */
class ConfigFileErrorsIT {

    @TempDir
    Path dir;

    @Test
    void aConfigFileWithSeveralProblemsExits2ListingEveryOne() throws Exception {
        try (ServerSocket pbx = new ServerSocket(0)) {
            Path config = Files.writeString(dir.resolve("driver.yaml"), """
                    address: 127.0.0.1
                    username: amiadmin
                    password: amiadmin1
                    actionTimeoutMs: ten seconds
                    reconect: {initialMs: 100}
                    channelTech: IAX
                    """);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stderr = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = new CommandLine(new DriverMain())
                        .execute(
                                "--config",
                                config.toString(),
                                "--port",
                                Integer.toString(pbx.getLocalPort()),
                                "--dataserver-port",
                                "0",
                                "--debug-port",
                                "0",
                                "--data-dir",
                                dir.toString());
            } finally {
                System.setErr(stderr);
            }
            assertThat(exit).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines())
                    .containsExactly(
                            "ucmkit driver: invalid configuration, nothing started:",
                            "  - " + config + ": actionTimeoutMs = 'ten seconds'; expected a whole number",
                            "  - " + config
                                    + ": unknown field 'reconect'; allowed: address, port, username, password, loginMode, tls,"
                                    + " tlsTrustCertificate, channelTech, context, ivrFirst, ivrLast, connectTimeoutMs, actionTimeoutMs,"
                                    + " keepaliveIntervalMs, keepaliveTimeoutMs, reconnect, refusedLoginRetry, dataserverPort, debugPort,"
                                    + " bind, dataDir, eventHistory",
                            "  - channelTech must be PJSIP or SIP, was IAX");
            pbx.setSoTimeout(200);
            org.assertj.core.api.Assertions.assertThatThrownBy(pbx::accept)
                    .as("no connection to the PBX")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
