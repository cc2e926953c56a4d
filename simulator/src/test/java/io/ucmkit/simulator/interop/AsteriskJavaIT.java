package io.ucmkit.simulator.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.time.Duration;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.ExtensionStateAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.response.ExtensionStateResponse;
import org.asteriskjava.manager.response.GetVarResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An independent client accepts the simulator: asterisk-java logs in (MD5 challenge) and reads state. */
class AsteriskJavaIT {

    private UcmSimulator sim;
    private ManagerConnection connection;

    @BeforeEach
    void start() {
        sim = UcmSimulator.builder().amiPort(0).authFailureDelay(Duration.ZERO).start();
        connection = new ManagerConnectionFactory("127.0.0.1", sim.amiPort(), "amiadmin", "amiadmin1")
                .createManagerConnection();
    }

    @AfterEach
    void stop() {
        if (connection.getState() == ManagerConnectionState.CONNECTED) {
            connection.logoff();
        }
        sim.close();
    }

    @Test
    void asterisk_java_logs_in_with_md5_in_under_two_seconds_and_reads_extension_and_presence_state() throws Exception {
        long t0 = System.nanoTime();
        connection.login();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(connection.getState()).isEqualTo(ManagerConnectionState.CONNECTED);
        assertThat(ms).isLessThan(2_000);
        assertThat(sim.admin().journal()).extracting(e -> e.action()).contains("Challenge", "Login");

        sim.admin().setRegistered("1009", true);
        sim.admin().setPresence("1002", PresenceStatus.DND);
        ExtensionStateResponse es =
                (ExtensionStateResponse) connection.sendAction(new ExtensionStateAction("1000", "from-internal"));
        assertThat(es.getStatus()).isZero();
        assertThat(es.getStatusText()).isEqualTo("Idle");
        assertThat(es.getHint()).isEqualTo("PJSIP/1000,CustomPresence:1000");

        sim.admin().setRegistered("1001", false);
        ExtensionStateResponse off =
                (ExtensionStateResponse) connection.sendAction(new ExtensionStateAction("1001", "from-internal"));
        assertThat(off.getStatus()).isEqualTo(4);

        GetVarResponse presence =
                (GetVarResponse) connection.sendAction(new GetVarAction("PRESENCE_STATE(CustomPresence:1002,value)"));
        assertThat(presence.getValue()).isEqualTo("dnd");
    }
}
