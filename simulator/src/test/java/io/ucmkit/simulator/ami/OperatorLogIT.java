package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.JournalEntry;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator reads: every connect, login and close at INFO (a refused login and a dropped
 * slow reader at WARN) with who, why and how long, every request at DEBUG; never a secret or an
 * MD5 key. And the journal: a refused login is {@code refused} with its reason.
 */
class OperatorLogIT {

    private static final String SECRET = "amiadmin1";

    private final ManualScheduler timers = new ManualScheduler();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger amiLogger;
    private Level levelBefore;
    private boolean additiveBefore;
    private UcmSimulator sim;

    @BeforeEach
    void start() {
        amiLogger = (Logger) LoggerFactory.getLogger("io.ucmkit.simulator.ami");
        levelBefore = amiLogger.getLevel();
        additiveBefore = amiLogger.isAdditive();
        amiLogger.setLevel(Level.DEBUG);
        amiLogger.setAdditive(false); // captured here, not printed on the build's console
        log.start();
        amiLogger.addAppender(log);
        sim = TestSims.builder().scheduler(timers).start();
    }

    @AfterEach
    void stop() {
        sim.close();
        amiLogger.detachAppender(log);
        amiLogger.setLevel(levelBefore);
        amiLogger.setAdditive(additiveBefore);
    }

    @Test
    void a_session_is_logged_from_connect_to_logoff_and_each_action_at_debug_without_the_secret() {
        String port;
        try (RawAmiClient c = RawAmiClient.connect(sim.amiPort())) {
            port = Integer.toString(c.localPort());
            c.banner();
            c.send("Action: Login\r\nUsername: amiadmin\r\nSecret: " + SECRET
                    + "\r\nActionID: l1\r\nEvents: off\r\n\r\n");
            assertThat(c.answer()).contains("Authentication accepted");
            c.send("Action: Ping\r\nActionID: p1\r\n\r\n");
            c.answer();
            c.send("Action: Logoff\r\n\r\n");
            assertThat(c.drainUntilClosed()).isPositive();
        }
        awaitLine(".*closed after.*");
        assertThat(lines(Level.INFO))
                .anySatisfy(
                        l -> assertThat(l).matches("AMI session 0x[0-9a-f]+ connected from 127\\.0\\.0\\.1:" + port))
                .anySatisfy(l ->
                        assertThat(l).matches("AMI session 0x[0-9a-f]+ logged in as 'amiadmin' from 127\\.0\\.0\\.1"))
                .anySatisfy(l -> assertThat(l)
                        .matches("AMI session 0x[0-9a-f]+ \\(user 'amiadmin'\\) from 127\\.0\\.0\\.1:" + port
                                + " closed after \\d+\\.\\d{3} s, \\d+ bytes received: logged off"));
        assertThat(lines(Level.DEBUG))
                .anySatisfy(l -> assertThat(l)
                        .contains("handled {Action: Login | Username: amiadmin | Secret: ******** | ActionID: l1"))
                .anySatisfy(l -> assertThat(l).contains("(amiadmin): handled {Action: Ping | ActionID: p1}"));
        assertThat(allLines()).noneSatisfy(l -> assertThat(l).contains(SECRET));
    }

    @Test
    void refused_logins_are_journaled_as_refused_with_the_reason_the_client_is_not_told() {
        String key;
        try (RawAmiClient c = RawAmiClient.connect(sim.amiPort())) {
            c.banner();
            c.send("Action: Challenge\r\nAuthType: MD5\r\n\r\n");
            String challenge = AmiSessionIT.field(c.answer(), "Challenge");
            key = LoginAction.md5(challenge + "not-the-secret");
            c.send("Action: Login\r\nAuthType: MD5\r\nUsername: amiadmin\r\nKey: " + key + "\r\n\r\n");
            assertThat(c.answer()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
        refusedLogin("Username: nobody99\r\nSecret: whatever1\r\n");
        refusedLogin("Username: amiadmin\r\nSecret: wrong-one\r\n");
        try (RawAmiClient c = RawAmiClient.login(sim.amiPort(), "amiadmin", SECRET, "off")) {
            c.send("Action: Nope\r\n\r\n");
            c.answer();
        }
        assertThat(sim.admin().journal())
                .filteredOn(e -> !"Challenge".equals(e.action()))
                .extracting(JournalEntry::action, JournalEntry::outcome, JournalEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Login", "refused", "wrong secret (MD5 key)"),
                        org.assertj.core.groups.Tuple.tuple("Login", "refused", "unknown user"),
                        org.assertj.core.groups.Tuple.tuple("Login", "refused", "wrong secret"),
                        org.assertj.core.groups.Tuple.tuple("Login", "handled", null),
                        org.assertj.core.groups.Tuple.tuple("Nope", "unknown", "no such action"));
        assertThat(sim.admin().journal().toString()).doesNotContain(key, "whatever1", "wrong-one", SECRET);

        awaitLine(".*closed after .*: login refused: wrong secret");
        assertThat(lines(Level.WARN))
                .anySatisfy(
                        l -> assertThat(l)
                                .matches(
                                        "AMI login refused for user 'amiadmin' from 127\\.0\\.0\\.1: wrong secret \\(MD5 key\\) \\(session 0x[0-9a-f]+\\)"))
                .anySatisfy(
                        l -> assertThat(l)
                                .matches(
                                        "AMI login refused for user 'nobody99' from 127\\.0\\.0\\.1: unknown user \\(session 0x[0-9a-f]+\\)"));
        assertThat(lines(Level.INFO))
                .anySatisfy(l -> assertThat(l).contains("(not logged in)").endsWith("login refused: unknown user"));
        assertThat(allLines())
                .noneSatisfy(l -> assertThat(l).contains(key))
                .noneSatisfy(l -> assertThat(l).contains("whatever1"))
                .noneSatisfy(l -> assertThat(l).contains("wrong-one"));
    }

    @Test
    void the_auth_timeout_and_authlimit_are_logged_with_their_reasons() {
        try (RawAmiClient busy = RawAmiClient.connect(sim.amiPort())) {
            busy.banner();
            // Sending is not logging in: Asterisk counts authtimeout from the connect, whatever comes meanwhile.
            busy.send("Action: Ping\r\nX-Pad: " + "x".repeat(5_000));
            await().until(() -> timers.pending() > 0 && busy.session(sim).bytesReceived() == 5_021);
            timers.advance(Duration.ofSeconds(30));
            assertThat(busy.drainUntilClosed()).isZero();
        }
        awaitLine(
                ".*\\(not logged in\\) from .* closed after \\d+\\.\\d{3} s, 5021 bytes received: did not log in within 30 s"
                        + " \\(authtimeout\\)");
        List<RawAmiClient> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                waiting.add(RawAmiClient.connect(sim.amiPort()));
                waiting.get(i).banner();
            }
            try (RawAmiClient extra = RawAmiClient.connect(sim.amiPort())) {
                assertThat(extra.bannerOrNull()).isNull();
            }
        } finally {
            waiting.forEach(RawAmiClient::close);
        }
        awaitLine(
                "AMI connection from 127\\.0\\.0\\.1:\\d+ refused before the banner: 50 sessions are waiting to log in \\(authlimit\\)");
    }

    @Test
    void a_dropped_slow_reader_is_counted_and_logged_at_warn_with_what_it_left_unread() {
        try (UcmSimulator small = TestSims.builder()
                        .scheduler(timers)
                        .outboundHighWaterMark(64 * 1024)
                        .start();
                RawAmiClient hostile = RawAmiClient.connect(small.amiPort(), 4096)) {
            hostile.banner();
            hostile.send("Action: Login\r\nUsername: amireader\r\nSecret: amireader1\r\n\r\n");
            assertThat(hostile.message()).contains("Authentication accepted");
            int i = 0;
            while (small.amiServer().slowReadersDropped() == 0) {
                assertThat(i).as("presence changes before the drop").isLessThan(200_000);
                small.pbx()
                        .setPresence("1000", new Presence("away", "", "z".repeat(200) + i++), Pbx.PresenceSource.GUI);
            }
            hostile.drainUntilClosed();
        }
        awaitLine(
                ".*\\(user 'amireader'\\) from .* closed after .*: slow reader: \\d+ bytes unsent and \\d+ bytes of events"
                        + " queued \\(the outbound limit is 65536 bytes\\)");
        assertThat(lines(Level.WARN)).anySatisfy(l -> assertThat(l).contains("slow reader: "));
    }

    private void refusedLogin(String credentials) {
        try (RawAmiClient c = RawAmiClient.connect(sim.amiPort())) {
            c.banner();
            c.send("Action: Login\r\n" + credentials + "\r\n");
            assertThat(c.answer()).isEqualTo("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
    }

    private void awaitLine(String regex) {
        await().atMost(Duration.ofSeconds(10)).until(() -> allLines().stream().anyMatch(l -> l.matches(regex)));
    }

    private List<String> lines(Level level) {
        synchronized (log) {
            return log.list.stream()
                    .filter(e -> e.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    private List<String> allLines() {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
