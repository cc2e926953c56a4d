package io.ucmkit.simulator.ami;

import static org.awaitility.Awaitility.await;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual probe (not a test): N logged-in AMI sessions on real loopback sockets (the embedded demo
 * PBX, user amiadmin reading class call), then M presence changes published through the admin
 * API; every session reads every event. Reports sessions still connected at the end and the
 * event deliveries per second across all sessions. Build from the root with
 * {@code mvn -pl ami,simulator test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=cp.txt},
 * then from simulator/:
 * {@code java -cp target/classes:target/test-classes:../ami/target/classes:$(cat cp.txt) io.ucmkit.simulator.ami.SessionLoadProbe 1000 500}.
 */
final class SessionLoadProbe {
    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args.length > 0 ? args[0] : "1000");
        int changes = Integer.parseInt(args.length > 1 ? args[1] : "500");
        try (UcmSimulator sim = UcmSimulator.builder()
                .amiPort(0)
                .authFailureDelay(Duration.ZERO)
                .start()) {
            List<AmiTestClient> clients = new ArrayList<>();
            // Logged in one after the other: the server refuses more than 50 unauthenticated sessions.
            // Events "call" only: each change raises a PresenceStateChange and a PresenceStatus, nothing else.
            for (int i = 0; i < sessions; i++) {
                clients.add(AmiTestClient.builder(sim.amiPort())
                        .timeout(Duration.ofSeconds(30))
                        .keepEvents(false)
                        .login("amiadmin", "amiadmin1", "call"));
            }
            System.out.printf(
                    "%d sessions logged in; simulator counts %d%n",
                    sessions, sim.admin().amiSessions().size());

            long expected = 2L * changes;
            long t0 = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                sim.admin().setPresence(i % 2 == 0 ? "1007" : "1008", PresenceStatus.CUSTOM, "probe" + i);
            }
            long delivered = 0;
            int dropped = 0;
            for (AmiTestClient client : clients) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> client.eventsReceived() >= expected || client.isClosed());
                delivered += client.eventsReceived();
                dropped += client.isClosed() ? 1 : 0;
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%d sessions x %d presence changes: %d Presence* event deliveries in %.3f s = %.0f deliveries/s; "
                            + "%d sessions closed early, %d still counted by the simulator%n",
                    sessions,
                    changes,
                    delivered,
                    s,
                    delivered / s,
                    dropped,
                    sim.admin().amiSessions().size());
            clients.forEach(AmiTestClient::close);
        }
    }
}
