package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests Asterisk answers without acting on them, and the RequestBadFormat security event it
 * raises for a missing or unknown action (transcript 31 records the logged-in case; the rest
 * follows manager.c's process_message, which reports before it checks the login).
 */
class BadRequestIT {

    private static UcmSimulator sim;

    @BeforeAll
    static void start() {
        sim = TestSims.builder().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.admin().reset();
    }

    /** The four bare-CR requests of transcript 31 that closed the session with a stack trace; it must survive each one. */
    @ParameterizedTest
    @ValueSource(strings = {"Action: Ping\rX: y\r\n", "Action:\r Ping\r\n", "\rAction: Ping\r\n", "Act\rion: Ping\r\n"})
    void a_bare_cr_in_a_request_is_answered_and_the_session_survives(String line) throws Exception {
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            c.send(line + "ActionID: cr\r\n\r\n");
            String answer = c.nextText();
            assertThat(answer).startsWith("Response: ").contains("ActionID: cr\r\n");
            c.send("Action: Ping\r\nActionID: after\r\n\r\n");
            assertThat(c.nextText()).startsWith("Response: Success\r\nActionID: after\r\nPing: Pong\r\n");
        }
    }

    @Test
    void a_missing_action_before_login_is_reported_to_security_readers_with_an_empty_account_and_no_session_time()
            throws Exception {
        try (AmiTestClient watcher = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "security");
                AmiTestClient stranger = AmiTestClient.connect(sim.amiPort())) {
            assertThat(watcher.nextText()).startsWith("Event: SuccessfulAuth\r\n"); // its own login
            stranger.banner();
            stranger.send("\r\n"); // a bare blank line is an empty request to Asterisk (transcript 07)
            assertThat(stranger.nextText()).isEqualTo("Response: Error\r\nMessage: Missing action in request\r\n\r\n");
            String event = watcher.nextText();
            assertThat(event)
                    .startsWith("Event: RequestBadFormat\r\nPrivilege: security,all\r\n")
                    .contains(
                            "RequestType: Action: NONE\r\nSessionTV: 1970-01-01T00:00:00.000+0000\r\nAccountID: \r\n\r\n");
        }
    }

    @Test
    void a_long_unknown_action_is_cut_where_asterisks_buffers_end() throws Exception {
        String action = "X".repeat(600);
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "security")) {
            assertThat(c.nextText()).startsWith("Event: SuccessfulAuth\r\n");
            c.send("Action: " + action + "\r\nActionID: long\r\n\r\n");
            String answer = c.nextText();
            String message = AmiSessionIT.field(answer, "Message");
            assertThat(message).hasSize(511).isEqualTo(("Invalid/unknown command: " + action).substring(0, 511));
            String event = c.nextText();
            assertThat(AmiSessionIT.field(event, "RequestType")).isEqualTo(("Action: " + action).substring(0, 63));
            assertThat(AmiSessionIT.field(event, "AccountID")).isEqualTo("amiadmin");
        }
    }
}
