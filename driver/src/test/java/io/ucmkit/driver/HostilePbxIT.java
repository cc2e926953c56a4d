package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.ami.AmiMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against a PBX that misbehaves at the connection level: no banner, no answer to the login, silence
 * after the login, no Pong, a close in the middle of a message. Each time the asset says what happened in an
 * operator's words, the observer hears it, and the same driver comes back by itself once the PBX behaves and
 * delivers the next event. The timeouts are configured short (300 ms) so nothing waits for the 5–10 s defaults.
 */
class HostilePbxIT {

    private static final String GOOD_EVENT = "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: back\r\n\r\n";

    @TempDir
    Path dataDir;

    private HostileAmiPeer peer;
    private UcmDriver driver;
    private final RecordingObserver observer = new RecordingObserver();
    private final List<AmiMessage> raw = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPeer() throws Exception {
        peer = new HostileAmiPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        peer.close();
    }

    static DriverConfig.Builder shortTimeouts(int port) {
        ReconnectDelay fast = new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2);
        return DriverConfig.builder()
                .address("127.0.0.1")
                .port(port)
                .username(HostileAmiPeer.USERNAME)
                .password(HostileAmiPeer.SECRET)
                .connectTimeout(Duration.ofMillis(300))
                .actionTimeout(Duration.ofMillis(300))
                .keepaliveInterval(Duration.ofMillis(200))
                .keepaliveTimeout(Duration.ofMillis(300))
                .reconnect(fast)
                .refusedLoginRetry(fast);
    }

    private void start() {
        driver = UcmDriver.start(shortTimeouts(peer.port()).build(), dataDir, Clock.systemUTC(), observer);
        driver.subscribeAmi(raw::add);
    }

    private void awaitReason(String state, String reasonPart) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(driver.asset().state()).isEqualTo(state);
            assertThat(driver.asset().reason()).contains(reasonPart);
        });
    }

    /** The PBX behaves again: the same driver reconnects, is Normal and delivers the next event. */
    private void recovers() {
        peer.behaviour = HostileAmiPeer.Behaviour.NORMAL;
        await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);
        assertThat(driver.asset().state()).isEqualTo("Normal");
        assertThat(observer.logins).endsWith(DriverObserver.LoginOutcome.ACCEPTED);
        assertThat(observer.states).endsWith("Normal");
        peer.sendToLoggedIn(GOOD_EVENT);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> raw.stream().anyMatch(m -> "back".equals(m.get("UserEvent"))));
    }

    @Test
    void aPbxThatAcceptsTcpButSendsNoBannerIsNoCommunicationSayingSoAndTheDriverRecovers() {
        peer.behaviour = HostileAmiPeer.Behaviour.NO_BANNER;
        start();

        awaitReason(
                "No Communication",
                "the PBX at 127.0.0.1:" + peer.port()
                        + " accepted the connection but sent no AMI banner within 300 ms");
        assertThat(observer.connected).hasValue(0);
        assertThat(observer.logins).isEmpty();

        recovers();
        assertThat(observer.connected).hasValue(1);
    }

    @Test
    void aPbxThatSendsTheBannerButNeverAnswersTheLoginIsNoCommunicationSayingSoAndTheDriverRecovers() {
        peer.behaviour = HostileAmiPeer.Behaviour.NO_LOGIN_ANSWER;
        start();

        awaitReason(
                "No Communication",
                "the PBX sent its AMI banner but did not answer the login (Challenge got no response within 300 ms)");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(observer.logins).contains(DriverObserver.LoginOutcome.FAILED);
            assertThat(observer.disconnected).anySatisfy(r -> assertThat(r).startsWith("the PBX sent its AMI banner"));
            assertThat(observer.actions("Challenge"))
                    .extracting(RecordingObserver.Action::outcome)
                    .contains(DriverObserver.ActionOutcome.TIMEOUT);
        });
        assertThat(observer.logins).doesNotContain(DriverObserver.LoginOutcome.ACCEPTED);

        recovers();
    }

    @Test
    void aPbxThatAnswersTheLoginAndThenNothingIsNeverNormalAndTheDriverRecovers() {
        peer.behaviour = HostileAmiPeer.Behaviour.SILENT_AFTER_LOGIN;
        start();

        awaitReason(
                "No Communication",
                "the PBX accepted the login but then answered nothing (ListCommands got no response within 300 ms)");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> observer.logins.contains(DriverObserver.LoginOutcome.ACCEPTED));
        // Not shown Normal in between: the session is not trusted before the PBX answered after the login.
        assertThat(observer.states).doesNotContain("Normal");

        recovers();
    }

    @Test
    void aPbxThatStopsAnsweringPingIsNoCommunicationSayingSoAndTheDriverRecovers() {
        start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> observer.actions("Ping").stream()
                        .anyMatch(a -> a.outcome() == DriverObserver.ActionOutcome.SUCCESS));

        peer.replies.put("ping", id -> new byte[0]); // this connection and the next ones, until it behaves
        awaitReason("No Communication", "keepalive missed: no Pong within 300 ms (the PBX stopped answering)");
        assertThat(observer.disconnected).anySatisfy(r -> assertThat(r).startsWith("keepalive missed"));
        assertThat(observer.actions("Ping"))
                .extracting(RecordingObserver.Action::outcome)
                .contains(DriverObserver.ActionOutcome.TIMEOUT);

        peer.replies.remove("ping");
        recovers();
    }

    @Test
    void aPbxThatKeepsSendingButAnswersNoPingIsDroppedOnlyAfterThreeMissedPongsInARow() {
        start();
        await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);

        // Each Ping gets an event instead of its Pong: the PBX is alive, its Pong might be queued behind events.
        peer.replies.put("ping", id -> GOOD_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        awaitReason(
                "No Communication",
                "keepalive missed: no Pong within 300 ms to 3 Pings in a row, though the PBX"
                        + " kept sending events (it answers no action)");
        assertThat(observer.disconnected).first().asString().contains("3 Pings in a row");
        assertThat(observer.actions("Ping"))
                .filteredOn(a -> a.outcome() == DriverObserver.ActionOutcome.TIMEOUT)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(raw).filteredOn(m -> "back".equals(m.get("UserEvent"))).hasSizeGreaterThanOrEqualTo(3);

        peer.replies.remove("ping");
        raw.clear();
        recovers();
    }

    @Test
    void anObserverThatThrowsCannotBreakTheDriver() {
        driver = UcmDriver.start(shortTimeouts(peer.port()).build(), dataDir, Clock.systemUTC(), new DriverObserver() {
            @Override
            public void connected() {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void eventReceived() {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void assetState(String state) {
                throw new IllegalStateException("observer bug");
            }
        });
        driver.subscribeAmi(raw::add);

        await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);
        peer.sendToLoggedIn(GOOD_EVENT);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> raw.stream().anyMatch(m -> "back".equals(m.get("UserEvent"))));
        assertThat(driver.asset().state()).isEqualTo("Normal");
        assertThat(driver.counters().connects()).isEqualTo(1);
        assertThat(driver.counters().eventsReceived()).isEqualTo(1);
    }

    @Test
    void aPbxThatClosesInTheMiddleOfAMessageIsNoCommunicationSayingSoAndTheDriverRecovers() {
        start();
        await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);
        peer.behaviour = HostileAmiPeer.Behaviour.NO_BANNER; // stays down until the test lets it back

        peer.sendAndClose("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/10");

        awaitReason("No Communication", "the PBX closed the connection in the middle of a message");
        assertThat(observer.malformed).contains("TRUNCATED");
        assertThat(driver.counters().malformedMessages()).isEqualTo(1);
        assertThat(observer.disconnected).containsExactly("the PBX closed the connection in the middle of a message");
        assertThat(raw).noneMatch(m -> "Newchannel".equals(m.eventName()));

        recovers();
        DriverCounters counters = driver.counters();
        assertThat(counters.connects()).isGreaterThanOrEqualTo(2);
        assertThat(counters.disconnects()).isEqualTo(counters.connects() - 1);
        assertThat(counters.eventsReceived()).isEqualTo(observer.received.get()).isEqualTo(raw.size());
    }
}
