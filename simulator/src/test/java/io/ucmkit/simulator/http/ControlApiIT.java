package io.ucmkit.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlApiIT {

    private final HttpClient http = HttpClient.newHttpClient();
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

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + sim.webPort() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(5));
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void extensions_are_listed_and_presence_can_be_set_like_in_the_ucm_portal() throws Exception {
        HttpResponse<String> all = call("GET", "/extensions", null);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body())
                .contains(
                        "\"number\":\"1000\"",
                        "\"number\":\"1009\"",
                        "\"model\":\"GXP2170\"",
                        "\"contact\":\"127.0.0.1:5061\"");
        assertThat(call("GET", "/extensions/1009", null).body()).contains("\"registered\":false,\"contact\":\"\"");
        HttpResponse<String> set =
                call("PUT", "/extensions/1000/presence", "{\"status\":\"custom\",\"text\":\"InMeeting\"}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("\"presence\":\"custom\"", "\"presenceText\":\"InMeeting\"");
        assertThat(sim.pbx().presence("1000").message()).isEqualTo("InMeeting");
    }

    @Test
    void errors_name_the_field_or_the_missing_extension() throws Exception {
        HttpResponse<String> bad = call("PUT", "/extensions/1000/presence", "{\"status\":\"asleep\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("status", "available|away|chat|dnd|custom|unavailable");
        assertThat(call("PUT", "/extensions/1000/registration", "{}").statusCode())
                .isEqualTo(400);
        assertThat(call("PUT", "/extensions/1000/answer-mode", "{\"mode\":\"auto\",\"delayMs\":-5}")
                        .body())
                .contains("delayMs");
        assertThat(call("GET", "/extensions/4242", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/ami/users/nobody", null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/extensions/1000/presence", "not json").statusCode())
                .isEqualTo(400);
    }

    @Test
    void watchers_list_each_key_with_its_led() throws Exception {
        call("PUT", "/extensions/1001/presence", "{\"status\":\"unavailable\"}");
        HttpResponse<String> r = call("GET", "/watchers", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("{\"phone\":\"1000\",\"model\":\"GXP2170\",\"key\":1,\"type\":\"VPK\",\"monitors\":\"1001\","
                        + "\"presence\":\"unavailable\",\"led\":\"OFF\"}");
    }

    @Test
    void a_phone_dials_another_which_answers_and_hangs_up_over_http() throws Exception {
        HttpResponse<String> dial = call("POST", "/extensions/1000/dial", "{\"number\":\"1001\"}");
        assertThat(dial.statusCode()).isEqualTo(200);
        assertThat(dial.body())
                .contains(
                        "\"channel\":\"PJSIP/1000-00000000\"",
                        "\"channel\":\"PJSIP/1001-00000001\"",
                        "\"state\":\"Ringing\"");
        assertThat(sim.admin().extension("1001").statusText()).isEqualTo("Ringing");
        HttpResponse<String> answer = call("POST", "/extensions/1001/answer", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"bridgedWith\":\"PJSIP/1000-00000000\"");
        assertThat(call("GET", "/calls", null).body())
                .contains("\"state\":\"Up\"")
                .doesNotContain("Ringing");
        assertThat(call("POST", "/extensions/1000/dtmf", "{\"digits\":\"12#\"}").statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/extensions/1001/hangup", null).body()).isEqualTo("[]");
        assertThat(sim.admin().extension("1001").statusText()).isEqualTo("Idle");
    }

    @Test
    void phone_actions_without_a_call_are_409_and_unknown_extensions_404() throws Exception {
        HttpResponse<String> idle = call("POST", "/extensions/1000/answer", null);
        assertThat(idle.statusCode()).isEqualTo(409);
        assertThat(idle.body()).contains("extension 1000 has no ringing call to answer");
        assertThat(call("POST", "/extensions/1000/dtmf", "{\"digits\":\"1\"}").body())
                .contains("extension 1000 has no call to send DTMF on");
        assertThat(call("POST", "/extensions/4242/decline", null).statusCode()).isEqualTo(404);
        HttpResponse<String> noNumber = call("POST", "/extensions/1000/dial", "{}");
        assertThat(noNumber.statusCode()).isEqualTo(400);
        assertThat(noNumber.body()).contains("number is required");
        assertThat(call("POST", "/extensions/1000/dial", "{\"number\":\"10 01\"}")
                        .body())
                .contains("number: '10 01'");
        assertThat(call("POST", "/extensions/1000/dtmf", "{\"digits\":\"x\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_missing_field_is_answered_with_the_values_it_allows() throws Exception {
        assertThat(call("PUT", "/extensions/1000/presence", "{}").body())
                .contains("status is required; allowed: available, away, chat, dnd, custom, unavailable");
        assertThat(call("PUT", "/extensions/1000/answer-mode", "{}").body())
                .contains("mode is required; allowed: manual, auto, decline, busy, no-answer");
        assertThat(call("POST", "/extensions/1000/dial", "{}").body())
                .contains("number is required; allowed: 1 to 32 of 0-9, * and #");
        assertThat(call("POST", "/extensions/1000/dtmf", "{\"digits\":5}").body())
                .contains("digits must be a string; allowed: 1 to 32 of 0-9, *, # and A-D");
        assertThat(call("PUT", "/extensions/1000/registration", "{\"registered\":\"yes\"}")
                        .body())
                .contains("registered must be a boolean; allowed: true, false");
    }

    @Test
    void a_non_numeric_delay_is_reported_as_sent() throws Exception {
        HttpResponse<String> r =
                call("PUT", "/extensions/1000/answer-mode", "{\"mode\":\"auto\",\"delayMs\":\"soon\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .contains("delayMs: \\\"soon\\\" is not a whole number of milliseconds 0..600000")
                .doesNotContain("-1");
        assertThat(call("PUT", "/extensions/1000/answer-mode", "{\"mode\":\"auto\",\"delayMs\":1.5}")
                        .body())
                .contains("delayMs: 1.5 is not");
    }

    @Test
    void an_unknown_extension_is_404_before_its_body_is_looked_at() throws Exception {
        for (String[] route : new String[][] {
            {"POST", "/dial", "{\"number\":\"10 01\"}"},
            {"POST", "/dtmf", "{\"digits\":\"x\"}"},
            {"PUT", "/presence", "{}"},
            {"PUT", "/registration", "{}"},
            {"PUT", "/answer-mode", "{\"delayMs\":\"x\"}"},
            {"POST", "/dial", "not json"}
        }) {
            HttpResponse<String> r = call(route[0], "/extensions/4242" + route[1], route[2]);
            assertThat(r.statusCode()).as(route[1] + " " + route[2]).isEqualTo(404);
            assertThat(r.body()).contains("no extension 4242");
        }
    }

    @Test
    void reset_hangs_up_every_call() throws Exception {
        call("POST", "/extensions/1000/dial", "{\"number\":\"1001\"}");
        call("POST", "/extensions/1001/answer", null);
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/calls", null).body()).isEqualTo("[]");
        assertThat(sim.admin().extension("1000").statusText()).isEqualTo("Idle");
    }

    @Test
    void registration_answer_mode_users_journal_and_reset_work_over_http() throws Exception {
        assertThat(call("PUT", "/extensions/1002/registration", "{\"registered\":false}")
                        .body())
                .contains("\"registered\":false", "\"statusText\":\"Unavailable\"");
        assertThat(call("PUT", "/extensions/1002/answer-mode", "{\"mode\":\"auto\",\"delayMs\":300}")
                        .body())
                .contains("\"answerMode\":\"auto\"", "\"answerDelayMs\":300");
        assertThat(call("GET", "/ami/users/amiadmin", null).body())
                .contains("\"secret\":\"****\"")
                .doesNotContain("amiadmin1");
        assertThat(call(
                                "PUT",
                                "/ami/users/amiwriter",
                                "{\"secret\":\"s3cret\",\"permit\":[\"127.0.0.1/255.255.255.255\"],"
                                        + "\"read\":[\"call\"],\"write\":[\"call\"]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(sim.amiUsers()).containsEntry("amiwriter", "s3cret");
        assertThat(call("PUT", "/ami/users/short", "{\"secret\":\"x\",\"permit\":[],\"read\":[],\"write\":[]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/journal", null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/ami/sessions", null).body()).isEqualTo("[]");
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(200);
        assertThat(sim.admin().extension("1002").registered()).isTrue();
    }

    @Test
    void reset_restores_the_configured_ami_users() throws Exception {
        assertThat(call(
                                "PUT",
                                "/ami/users/amiadmin",
                                "{\"secret\":\"changed99\",\"permit\":[\"127.0.0.1/255.255.255.255\"],"
                                        + "\"read\":[\"all\"],\"write\":[\"all\"]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call(
                                "PUT",
                                "/ami/users/amiwriter",
                                "{\"secret\":\"s3cret99\",\"permit\":[\"127.0.0.1/255.255.255.255\"],"
                                        + "\"read\":[\"call\"],\"write\":[\"call\"]}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(amiLogin("amiadmin", "amiadmin1")).contains("Authentication failed");

        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(200);

        assertThat(amiLogin("amiadmin", "amiadmin1")).contains("Authentication accepted");
        assertThat(amiLogin("amiwriter", "s3cret99")).contains("Authentication failed");
        assertThat(call("GET", "/ami/users/amiwriter", null).statusCode()).isEqualTo(404);
    }

    /** Logs in over a real AMI socket and returns the first answer. */
    private String amiLogin(String user, String secret) throws Exception {
        try (Socket s = new Socket("127.0.0.1", sim.amiPort())) {
            s.setSoTimeout(5_000);
            s.getOutputStream()
                    .write(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: off\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            in.readLine(); // banner
            StringBuilder answer = new StringBuilder();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                answer.append(line).append('\n');
            }
            return answer.toString();
        }
    }

    @Test
    void events_stream_as_server_sent_events() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.webPort() + "/api/v1/events"))
                .build();
        HttpResponse<InputStream> stream = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // stream closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(stream.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("text/event-stream"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            sim.admin().setPresence("1001", PresenceStatus.DND);
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("data: {\"event\":\"PresenceStateChange\""));
        });
        stream.body().close();
    }
}
