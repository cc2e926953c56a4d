package io.ucmkit.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts an Asterisk-13-style simulator; its Command output is {@code Response: Follows}. */
class Asterisk13CommandIT {

    @RegisterExtension
    static UcmSimulatorExtension sim = new UcmSimulatorExtension(b -> b.asteriskVersion(13));

    @Test
    void an_asterisk_13_simulator_greets_with_2_10_6_and_answers_command_with_follows(
            UcmSimulator simulator, Admin admin) throws Exception {
        assertThat(simulator.amiPort()).isEqualTo(sim.amiPort());
        assertThat(admin.extensions()).hasSize(10);
        try (Socket s = new Socket("127.0.0.1", sim.amiPort())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\nEvents: off\r\n\r\n"
                            + "Action: Command\r\nActionID: v\r\nCommand: core show version\r\n\r\n"
                            + "Action: CoreSettings\r\n\r\nAction: Logoff\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all).startsWith("Asterisk Call Manager/2.10.6\r\n");
            assertThat(all)
                    .contains("Response: Follows\r\nPrivilege: Command\r\nActionID: v\r\nAsterisk 13.38.3 built by");
            assertThat(all).contains("--END COMMAND--\r\n\r\n");
            assertThat(all)
                    .contains("AMIversion: 2.10.6\r\nAsteriskVersion: 13.38.3\r\n")
                    .doesNotContain("SoundsSearchCustomDir");
        }
    }
}
