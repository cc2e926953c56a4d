package io.ucmkit.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.search.Search;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's metrics move as AMI clients log in, act and receive events, and show on GET /metrics. */
class SimulatorMetricsIT {

    private UcmSimulator sim;

    @BeforeEach
    void start() {
        sim = UcmSimulator.builder()
                .amiPort(0)
                .webPort(0)
                .authFailureDelay(Duration.ZERO)
                .start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A raw AMI connection: the banner is read, then whatever it is sent. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final OutputStream out;
        final BufferedReader in;

        Client(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            in.readLine();
        }

        void send(String... headers) throws Exception {
            out.write((String.join("\r\n", headers) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Reads until a line equal to {@code line}. */
        void readUntil(String line) throws Exception {
            String l;
            while ((l = in.readLine()) != null && !l.equals(line)) {
                // skip
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private double count(String name, String... tags) {
        var c = Search.in(sim.metrics().registry()).name(name).tags(tags).counter();
        return c == null ? -1 : c.count();
    }

    private long timed(String action, String outcome) {
        var t = Search.in(sim.metrics().registry())
                .name("ucmkit.simulator.ami.actions")
                .tags("action", action, "outcome", outcome)
                .timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void logins_actions_events_and_sessions_are_counted() throws Exception {
        try (Client refused = new Client(sim.amiPort())) {
            refused.send("Action: Login", "Username: amiadmin", "Secret: wrong");
            refused.readUntil("Message: Authentication failed");
        }
        try (Client unknown = new Client(sim.amiPort())) {
            unknown.send("Action: Login", "Username: nobody", "Secret: x");
            unknown.readUntil("Message: Authentication failed");
        }
        try (Client c = new Client(sim.amiPort())) {
            c.send("Action: Login", "Username: amiadmin", "Secret: amiadmin1");
            c.readUntil("Message: Authentication accepted");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sim.admin().amiSessions().stream().anyMatch(s -> s.authenticated()));
            c.send("Action: Ping", "ActionID: p1");
            c.readUntil("ActionID: p1");
            c.send("Action: NoSuchAction");
            c.readUntil("");
            c.send("Action: ExtensionStateList", "ActionID: l1");
            c.readUntil("Event: ExtensionStateListComplete");
            double eventsBefore = count("ucmkit.simulator.ami.events.sent");
            sim.admin().setPresence("1001", PresenceStatus.DND);
            c.readUntil("Event: PresenceStateChange");

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(count("ucmkit.simulator.ami.logins", "outcome", "refused", "reason", "wrong_secret"))
                        .isEqualTo(1);
                assertThat(count("ucmkit.simulator.ami.logins", "outcome", "refused", "reason", "unknown_user"))
                        .isEqualTo(1);
                assertThat(count("ucmkit.simulator.ami.logins", "outcome", "accepted", "reason", "none"))
                        .isEqualTo(1);
                assertThat(timed("Login", "error")).isEqualTo(2);
                assertThat(timed("Login", "success")).isEqualTo(1);
                assertThat(timed("Ping", "success")).isEqualTo(1);
                assertThat(timed("unknown", "error")).isEqualTo(1);
                assertThat(timed("ExtensionStateList", "success")).isEqualTo(1);
                // The list's items are the action's answer, not events: only what the PBX raised counts.
                assertThat(count("ucmkit.simulator.ami.events.sent")).isGreaterThan(eventsBefore);
            });

            String text = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.webPort() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(text)
                    .contains("ucmkit_simulator_ami_sessions{state=\"authenticated\"} 1.0")
                    .contains("ucmkit_simulator_ami_logins_total{outcome=\"refused\",reason=\"wrong_secret\"} 1.0")
                    .contains("ucmkit_simulator_ami_actions_seconds_count{action=\"Ping\",outcome=\"success\"} 1")
                    .contains("ucmkit_simulator_sse_clients 0.0");
        }
    }

    @Test
    void an_action_list_is_not_counted_as_events() throws Exception {
        try (Client c = new Client(sim.amiPort())) {
            c.send("Action: Login", "Username: amiadmin", "Secret: amiadmin1", "Events: off");
            c.readUntil("Message: Authentication accepted");
            await().atMost(Duration.ofSeconds(5)).until(() -> timed("Login", "success") == 1);
            double before = count("ucmkit.simulator.ami.events.sent");
            c.send("Action: ExtensionStateList", "ActionID: l1");
            c.readUntil("Event: ExtensionStateListComplete");
            c.send("Action: Ping", "ActionID: p1");
            c.readUntil("ActionID: p1");

            await().atMost(Duration.ofSeconds(5)).until(() -> timed("Ping", "success") == 1);
            assertThat(count("ucmkit.simulator.ami.events.sent")).isEqualTo(before);
        }
    }
}
