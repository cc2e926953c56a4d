package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.AmiUserInfo;
import io.ucmkit.simulator.admin.JournalEntry;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmiSessionIT {

    private final ManualScheduler timers = new ManualScheduler();
    private UcmSimulator sim;

    @BeforeEach
    void start() {
        sim = TestSims.builder().scheduler(timers).start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void an_md5_challenge_login_with_the_right_key_is_accepted_and_a_wrong_key_refused() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.banner();
            c.send("Action: Challenge\r\nAuthType: MD5\r\nActionID: ch-1\r\n\r\n");
            String challenge = field(c.nextText(), "Challenge");
            assertThat(challenge).matches("\\d{1,9}");
            c.send("Action: Login\r\nAuthType: MD5\r\nUsername: amiadmin\r\nKey: "
                    + LoginAction.md5(challenge + "amiadmin1") + "\r\nActionID: l\r\nEvents: off\r\n\r\n");
            assertThat(c.nextText())
                    .isEqualTo("Response: Success\r\nActionID: l\r\nMessage: Authentication accepted\r\n\r\n");
        }
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.banner();
            c.send("Action: Challenge\r\nAuthType: MD5\r\n\r\n");
            c.nextText();
            c.send(
                    "Action: Login\r\nAuthType: MD5\r\nUsername: amiadmin\r\nKey: 00000000000000000000000000000000\r\n\r\n");
            assertThat(c.textUntilClosed()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
    }

    @Test
    void a_challenge_without_authtype_is_refused() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.banner();
            c.send("Action: Challenge\r\n\r\n");
            assertThat(c.nextText()).isEqualTo("Response: Error\r\nMessage: Must specify AuthType\r\n\r\n");
        }
    }

    @Test
    void a_user_whose_permit_list_is_empty_cannot_log_in_from_anywhere() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.banner();
            c.send("Action: Login\r\nUsername: nowhere01\r\nSecret: nowhere01\r\n\r\n");
            assertThat(c.textUntilClosed()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
    }

    @Test
    void the_failure_answer_waits_for_the_configured_delay() throws Exception {
        try (UcmSimulator slow = TestSims.builder()
                        .scheduler(timers)
                        .authFailureDelay(Duration.ofSeconds(1))
                        .start();
                AmiTestClient c = AmiTestClient.connect(slow.amiPort())) {
            c.banner();
            c.send("Action: Login\r\nUsername: amiadmin\r\nSecret: wrong\r\n\r\n");
            // the failure delay (1 s) is scheduled; the auth timeout (30 s) may or may not be yet
            await().until(() -> timers.dueWithin(Duration.ofSeconds(1)) == 1);
            timers.advance(Duration.ofSeconds(1));
            assertThat(c.textUntilClosed()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
    }

    @Test
    void nothing_sent_after_a_failed_login_is_read_or_answered_during_the_delay() throws Exception {
        try (UcmSimulator slow = TestSims.builder()
                        .scheduler(timers)
                        .authFailureDelay(Duration.ofSeconds(1))
                        .start();
                AmiTestClient c = AmiTestClient.connect(slow.amiPort())) {
            c.banner();
            // A client guessing passwords pipelines its next try behind the bad one.
            c.send("Action: Login\r\nUsername: amiadmin\r\nSecret: wrong\r\nActionID: bad\r\n\r\n"
                    + "Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\nActionID: good\r\nEvents: off\r\n\r\n"
                    + "Action: Ping\r\nActionID: p\r\n\r\n");
            // the failure delay (1 s) is scheduled; the auth timeout (30 s) may or may not be yet
            await().until(() -> timers.dueWithin(Duration.ofSeconds(1)) == 1);
            timers.advance(Duration.ofSeconds(1));
            assertThat(c.textUntilClosed())
                    .isEqualTo("Response: Error\r\nActionID: bad\r\nMessage: Authentication failed\r\n\r\n");
            assertThat(slow.admin().journal()).extracting(JournalEntry::action).containsExactly("Login");
        }
    }

    @Test
    void a_restricted_user_gets_permission_denied_for_command_and_sees_only_call_events() throws Exception {
        try (AmiTestClient reader = AmiTestClient.login(sim.amiPort(), "amireader", "amireader1", null)) {
            reader.send("Action: Command\r\nCommand: core show version\r\nActionID: c1\r\n\r\n");
            assertThat(reader.nextText())
                    .isEqualTo("Response: Error\r\nActionID: c1\r\nMessage: Permission denied\r\n\r\n");
            sim.admin()
                    .setRegistered(
                            "1001",
                            false); // security, system and call events (transcript 47): only the call ones reach it
            assertThat(reader.nextText()).contains("Event: ExtensionStatus", "Status: 4", "StatusText: Unavailable");
            assertThat(reader.nextText())
                    .startsWith(
                            "Event: DeviceStateChange\r\nPrivilege: call,all\r\nDevice: PJSIP/1001\r\nState: UNAVAILABLE");
            reader.send("Action: Ping\r\nActionID: p\r\n\r\n");
            assertThat(reader.nextText()).startsWith("Response: Success\r\nActionID: p\r\nPing: Pong");
        }
    }

    @Test
    void an_admin_sees_registration_events_of_the_system_class() throws Exception {
        try (AmiTestClient admin = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "system")) {
            assertThat(admin.nextText()).startsWith("Event: FullyBooted\r\n");
            sim.admin()
                    .setRegistered(
                            "1002", false); // transcript 47: PeerStatus, then (after the device events) ContactStatus
            assertThat(admin.nextText())
                    .isEqualTo("Event: PeerStatus\r\nPrivilege: system,all\r\nChannelType: PJSIP\r\n"
                            + "Peer: PJSIP/1002\r\nPeerStatus: Unreachable\r\n\r\n");
            assertThat(admin.nextText())
                    .isEqualTo("Event: ContactStatus\r\nPrivilege: system,all\r\nURI: sip:1002@127.0.0.1:5062\r\n"
                            + "ContactStatus: Removed\r\nAOR: 1002\r\nEndpointName: 1002\r\nRoundtripUsec: 0\r\n\r\n");
        }
    }

    @Test
    void a_security_reader_sees_failed_and_successful_logins_of_other_sessions() throws Exception {
        try (AmiTestClient watcher = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "security")) {
            watcher.nextText(); // its own SuccessfulAuth
            try (AmiTestClient bad = AmiTestClient.connect(sim.amiPort())) {
                bad.banner();
                bad.send("Action: Login\r\nUsername: amiadmin\r\nSecret: nope\r\n\r\n");
                bad.textUntilClosed();
            }
            String event = Wire.mask(watcher.nextText());
            assertThat(event)
                    .isEqualTo(
                            "Event: InvalidPassword\r\nPrivilege: security,all\r\nEventTV: <tv>\r\nSeverity: Error\r\n"
                                    + "Service: AMI\r\nEventVersion: 2\r\nAccountID: amiadmin\r\nSessionID: <id>\r\nLocalAddress: <addr>\r\n"
                                    + "RemoteAddress: <addr>\r\nSessionTV: 1970-01-01T00:00:00.000+0000\r\n\r\n");
            assertThat(event).doesNotContain("nope");
        }
    }

    @Test
    void a_numeric_event_mask_of_the_security_bit_delivers_security_events_only() throws Exception {
        // 262144 = EVENT_FLAG_SECURITY (1 << 18); perms[] has no hookresponse, so the bit is not the list position.
        try (AmiTestClient watcher = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "262144")) {
            assertThat(watcher.nextText())
                    .startsWith("Event: SuccessfulAuth\r\nPrivilege: security,all\r\n"); // no FullyBooted
            sim.admin().setRegistered("1001", false); // the un-REGISTER's security events, then system and call events
            assertThat(watcher.nextText())
                    .startsWith("Event: ChallengeSent\r\nPrivilege: security,all\r\n")
                    .contains("Service: PJSIP\r\n");
            assertThat(watcher.nextText())
                    .startsWith("Event: SuccessfulAuth\r\nPrivilege: security,all\r\n")
                    .contains("Service: PJSIP\r\n");
            sim.pbx().setGlobal("G", "1"); // dialplan
            try (AmiTestClient bad = AmiTestClient.connect(sim.amiPort())) {
                bad.banner();
                bad.send("Action: Login\r\nUsername: amiadmin\r\nSecret: nope\r\n\r\n");
                bad.textUntilClosed();
            }
            assertThat(watcher.nextText()).startsWith("Event: InvalidPassword\r\nPrivilege: security,all\r\n");
        }
    }

    @Test
    void an_unauthenticated_session_is_closed_silently_when_the_auth_timeout_passes() throws Exception {
        try (AmiTestClient c = AmiTestClient.connect(sim.amiPort())) {
            c.banner();
            await().until(() -> timers.pending() > 0);
            timers.advance(Duration.ofSeconds(30));
            assertThat(c.textUntilClosed()).isEmpty();
        }
    }

    @Test
    void the_fifty_first_unauthenticated_session_is_closed_before_the_banner() throws Exception {
        List<AmiTestClient> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                AmiTestClient c = AmiTestClient.connect(sim.amiPort());
                c.banner();
                waiting.add(c);
            }
            try (AmiTestClient extra = AmiTestClient.connect(sim.amiPort())) {
                assertThat(extra.textUntilClosed()).isEmpty();
            }
            waiting.get(0).send("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\nEvents: off\r\n\r\n");
            assertThat(waiting.get(0).nextText()).contains("Authentication accepted");
            try (AmiTestClient next = AmiTestClient.connect(sim.amiPort())) {
                assertThat(next.nextText()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
            }
        } finally {
            for (AmiTestClient c : waiting) {
                c.close();
            }
        }
    }

    @Test
    void saving_an_ami_user_closes_every_session_after_shutdown_to_those_that_receive_system_events() throws Exception {
        try (AmiTestClient admin = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "system");
                AmiTestClient quiet = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off");
                AmiTestClient reader = AmiTestClient.login(sim.amiPort(), "amireader", "amireader1", null)) {
            assertThat(admin.nextText()).startsWith("Event: FullyBooted\r\n");
            sim.admin()
                    .saveAmiUser(new AmiUserInfo(
                            "amiwriter",
                            "secret99",
                            List.of("127.0.0.1/255.255.255.255"),
                            List.of("call"),
                            List.of("call")));
            assertThat(admin.textUntilClosed())
                    .isEqualTo(
                            "Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: True\r\n\r\n");
            // Shutdown is a system-class event: read=call and Events: off see only the close.
            assertThat(quiet.textUntilClosed()).isEmpty();
            assertThat(reader.textUntilClosed()).isEmpty();
        }
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amiwriter", "secret99", null)) {
            c.send("Action: Logoff\r\n\r\n");
            assertThat(c.textUntilClosed()).isEqualTo("Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n");
        }
    }

    @Test
    void events_with_a_class_list_limit_what_the_session_receives() throws Exception {
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            c.send("Action: Events\r\nActionID: e\r\nEventMask: user\r\n\r\n");
            assertThat(c.nextText()).isEqualTo("Response: Success\r\nActionID: e\r\nEvents: On\r\n\r\n");
            sim.admin().setPresence("1000", PresenceStatus.AWAY); // call class: filtered out
            c.send("Action: UserEvent\r\nUserEvent: Mine\r\nX: 1\r\n\r\n");
            assertThat(c.nextText()).isEqualTo("Response: Success\r\nMessage: Event Sent\r\n\r\n");
            assertThat(c.nextText())
                    .isEqualTo("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: Mine\r\nX: 1\r\n\r\n");
            c.send("Action: Events\r\nEventMask: \r\n\r\n");
            assertThat(c.nextText()).isEqualTo("Response: Error\r\nMessage: Invalid event mask\r\n\r\n");
        }
    }

    @Test
    void a_client_that_stops_reading_is_disconnected_instead_of_buffered_without_limit() throws Exception {
        try (AmiTestClient idle = AmiTestClient.login(sim.amiPort(), "amireader", "amireader1", null)) {
            idle.pauseReading(); // the shared client reads in the background unless told to stop
            String text = "x".repeat(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int i = 0; i < 2_000; i++) {
                    sim.pbx()
                            .setPresence(
                                    "1000",
                                    new io.ucmkit.simulator.pbx.Presence("away", "", text),
                                    io.ucmkit.simulator.pbx.Pbx.PresenceSource.GUI);
                }
                return sim.admin().amiSessions().isEmpty();
            });
        }
    }

    @Test
    void a_burst_of_events_reaches_a_reading_client_completely() throws Exception {
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amireader", "amireader1", null)) {
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    sim.pbx()
                            .setPresence(
                                    "1000",
                                    new io.ucmkit.simulator.pbx.Presence("away", "", "m" + i),
                                    io.ucmkit.simulator.pbx.Pbx.PresenceSource.GUI);
                }
            });
            publisher.start();
            for (int i = 0; i < 20_000; i++) {
                assertThat(c.nextText()).contains("Message: m" + i + "\r\n");
                c.nextText();
            }
            publisher.join();
            c.send("Action: Ping\r\nActionID: last\r\n\r\n");
            assertThat(c.nextText()).startsWith("Response: Success\r\nActionID: last\r\n");
        }
    }

    @Test
    void a_second_login_is_already_authenticated() throws Exception {
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            c.send("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\nActionID: 2\r\n\r\n");
            assertThat(c.nextText())
                    .isEqualTo("Response: Success\r\nActionID: 2\r\nMessage: Already authenticated\r\n\r\n");
        }
    }

    @Test
    void the_journal_records_actions_with_secrets_masked() throws Exception {
        try (AmiTestClient c = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            c.send("Action: Nope\r\n\r\n");
            c.nextText();
        }
        var entries = sim.admin().journal();
        assertThat(entries).extracting(JournalEntry::action).containsExactly("Login", "Nope");
        assertThat(entries.get(0).headers().get("Secret")).isNotEqualTo("amiadmin1");
        assertThat(entries.get(1).outcome()).isEqualTo("unknown");
    }

    static String field(String message, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": ([^\r\n]*)").matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
