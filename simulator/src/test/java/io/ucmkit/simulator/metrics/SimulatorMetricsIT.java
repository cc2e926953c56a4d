package io.ucmkit.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.search.Search;
import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        try (AmiTestClient refused = AmiTestClient.connect(sim.amiPort())) {
            refused.sendLines("Action: Login\nUsername: amiadmin\nSecret: wrong");
            refused.nextMessage(m -> "Authentication failed".equals(m.get("Message")));
        }
        try (AmiTestClient unknown = AmiTestClient.connect(sim.amiPort())) {
            unknown.sendLines("Action: Login\nUsername: nobody\nSecret: x");
            unknown.nextMessage(m -> "Authentication failed".equals(m.get("Message")));
        }
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.sendLines("Action: Login\nUsername: amiadmin\nSecret: amiadmin1");
            c.nextMessage(m -> "Authentication accepted".equals(m.get("Message")));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sim.admin().amiSessions().stream().anyMatch(s -> s.authenticated()));
            c.sendLines("Action: Ping\nActionID: p1");
            c.answerTo("p1");
            c.sendLines("Action: NoSuchAction");
            c.nextAnswer();
            c.sendLines("Action: ExtensionStateList\nActionID: l1");
            c.nextMessage(m -> "ExtensionStateListComplete".equals(m.eventName()));
            double eventsBefore = count("ucmkit.simulator.ami.events.sent");
            sim.admin().setPresence("1001", PresenceStatus.DND);
            c.nextMessage(m -> "PresenceStateChange".equals(m.eventName()));

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
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.sendLines("Action: Login\nUsername: amiadmin\nSecret: amiadmin1\nEvents: off");
            c.nextMessage(m -> "Authentication accepted".equals(m.get("Message")));
            await().atMost(Duration.ofSeconds(5)).until(() -> timed("Login", "success") == 1);
            double before = count("ucmkit.simulator.ami.events.sent");
            c.sendLines("Action: ExtensionStateList\nActionID: l1");
            c.nextMessage(m -> "ExtensionStateListComplete".equals(m.eventName()));
            c.sendLines("Action: Ping\nActionID: p1");
            c.answerTo("p1");

            await().atMost(Duration.ofSeconds(5)).until(() -> timed("Ping", "success") == 1);
            assertThat(count("ucmkit.simulator.ami.events.sent")).isEqualTo(before);
        }
    }
}
