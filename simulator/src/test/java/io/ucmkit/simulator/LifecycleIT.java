package io.ucmkit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Start and close as embedders use them: close is idempotent, a failed start leaves nothing listening. */
class LifecycleIT {

    @Test
    void closing_twice_does_nothing_the_second_time() {
        UcmSimulator sim = UcmSimulator.builder().amiPort(0).webPort(0).start();
        int ami = sim.amiPort();
        sim.close();
        sim.close();
        assertThat(sim.ready()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", ami).close()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void a_busy_web_port_fails_the_start_and_frees_the_ami_port() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int amiPort;
            try (ServerSocket probe = new ServerSocket(0)) {
                amiPort = probe.getLocalPort();
            }
            assertThatThrownBy(() -> UcmSimulator.builder()
                            .amiPort(amiPort)
                            .webPort(taken.getLocalPort())
                            .start())
                    .hasMessageContaining(Integer.toString(taken.getLocalPort()));
            // The AMI port it had bound is free again: a second start on it succeeds.
            try (UcmSimulator again =
                    UcmSimulator.builder().amiPort(amiPort).webPort(0).start()) {
                assertThat(again.amiPort()).isEqualTo(amiPort);
            }
        }
    }
}
