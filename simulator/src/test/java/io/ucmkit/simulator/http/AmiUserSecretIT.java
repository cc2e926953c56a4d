package io.ucmkit.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's secret survives a Save that leaves it alone: the GET shows {@code ****}, and PUTting
 * that object back (what a UI's Save does) or leaving the secret out keeps the stored one.
 */
class AmiUserSecretIT {

    private static final String ADMIN_RIGHTS =
            "\"permit\":[\"127.0.0.1/255.255.255.255\"],\"read\":[\"all\"],\"write\":[\"all\"]";

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

    @Test
    void putting_back_the_user_a_get_returned_keeps_its_secret() throws Exception {
        String shown = call("GET", "/ami/users/amiadmin", null).body();
        assertThat(shown).contains("\"secret\":\"****\"").doesNotContain("amiadmin1");

        HttpResponse<String> saved = call("PUT", "/ami/users/amiadmin", shown);

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("\"secret\":\"****\"").doesNotContain("amiadmin1");
        assertThat(sim.amiUsers()).containsEntry("amiadmin", "amiadmin1");
        assertThat(amiLogin("amiadmin", "amiadmin1")).contains("Authentication accepted");
        assertThat(amiLogin("amiadmin", "****")).contains("Authentication failed");
    }

    @Test
    void a_put_without_a_secret_keeps_it_and_changes_the_rest() throws Exception {
        assertThat(call(
                                "PUT",
                                "/ami/users/amiadmin",
                                "{\"permit\":[\"127.0.0.1/255.255.255.255\"],\"read\":[\"call\"],"
                                        + "\"write\":[\"call\"]}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(sim.amiUsers()).containsEntry("amiadmin", "amiadmin1");
        assertThat(sim.admin().amiUser("amiadmin").orElseThrow().read()).containsExactly("call");
        assertThat(amiLogin("amiadmin", "amiadmin1")).contains("Authentication accepted");
    }

    @Test
    void a_new_secret_is_saved_and_shown_masked() throws Exception {
        HttpResponse<String> saved =
                call("PUT", "/ami/users/amiadmin", "{\"secret\":\"changed99\"," + ADMIN_RIGHTS + "}");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain("changed99");
        assertThat(amiLogin("amiadmin", "changed99")).contains("Authentication accepted");
        assertThat(sim.admin().amiUser("amiadmin").orElseThrow().toString()).doesNotContain("changed99");
    }

    @Test
    void a_new_user_without_a_secret_is_refused_naming_the_field() throws Exception {
        HttpResponse<String> absent = call("PUT", "/ami/users/amiwriter", "{" + ADMIN_RIGHTS + "}");
        HttpResponse<String> masked = call("PUT", "/ami/users/amiwriter", "{\"secret\":\"****\"," + ADMIN_RIGHTS + "}");

        assertThat(absent.statusCode()).isEqualTo(400);
        assertThat(absent.body()).contains("secret is required for a new user");
        assertThat(masked.statusCode()).isEqualTo(400);
        assertThat(masked.body()).contains("secret is required for a new user");
        assertThat(call("GET", "/ami/users/amiwriter", null).statusCode()).isEqualTo(404);
    }

    @Test
    void the_journal_keeps_masking_a_kept_secret() throws Exception {
        call(
                "PUT",
                "/ami/users/amiadmin",
                call("GET", "/ami/users/amiadmin", null).body());
        amiLogin("amiadmin", "amiadmin1");

        String journal = call("GET", "/journal", null).body();
        assertThat(journal).contains("\"action\":\"Login\"").doesNotContain("amiadmin1");
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + sim.webPort() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(5));
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in over a real AMI socket and returns the first answer. */
    private String amiLogin(String user, String secret) throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.sendLines("Action: Login\nUsername: " + user + "\nSecret: " + secret + "\nEvents: off");
            return c.nextAnswerText();
        }
    }
}
