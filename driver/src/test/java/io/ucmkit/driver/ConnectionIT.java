package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.testing.AmiWire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection-level behaviour against a scripted AMI peer on a real loopback socket. */
class ConnectionIT {

    @TempDir
    Path dataDir;

    private ScriptedAmiPeer peer;
    private UcmDriver driver;
    private final List<DriverEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startPeer() throws Exception {
        peer = new ScriptedAmiPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        peer.close();
    }

    private DriverConfig.Builder config() {
        return DriverConfig.builder()
                .address("127.0.0.1")
                .port(peer.port())
                .username("admin")
                .password("secret1")
                .keepaliveInterval(Duration.ofMillis(200))
                .keepaliveTimeout(Duration.ofSeconds(3))
                .actionTimeout(Duration.ofSeconds(2))
                .reconnect(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2))
                .refusedLoginRetry(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2));
    }

    private UcmDriver start(DriverConfig config) {
        driver = UcmDriver.start(config, dataDir);
        driver.subscribe(events::add);
        return driver;
    }

    private void awaitState(String state) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(driver.asset().state()).isEqualTo(state));
    }

    @Test
    void md5LoginReachesNormalWithoutTheSecretOnTheWire() {
        start(config().build());

        awaitState("Normal");
        assertThat(peer.received("Login"))
                .singleElement()
                .satisfies(m -> assertThat(m.has("Secret")).isFalse())
                .satisfies(m -> assertThat(m.get("Key")).isEqualTo(LoginHandshake.md5Hex("840216730secret1")));
        assertThat(events)
                .filteredOn(DriverEvent.AssetState.class::isInstance)
                .map(DriverEvent.AssetState.class::cast)
                .extracting(DriverEvent.AssetState::newState)
                .containsExactly("Normal");
    }

    @Test
    void plainLoginSendsTheSecretWhenConfigured() {
        start(config().loginMode(LoginMode.PLAIN).build());

        awaitState("Normal");
        assertThat(peer.received("Challenge")).isEmpty();
        assertThat(peer.received("Login").get(0).get("Secret")).isEqualTo("secret1");
    }

    @Test
    void plainLoginIsTheFallbackWhenThePbxRefusesTheChallenge() {
        peer.challengeSupported = false;
        start(config().loginMode(LoginMode.MD5_OR_PLAIN).build());

        awaitState("Normal");
        assertThat(peer.received("Login").get(0).get("Secret")).isEqualTo("secret1");
    }

    @Test
    void withoutFallbackARefusedChallengeIsNoCommunicationWithTheReason() {
        peer.challengeSupported = false;
        start(config().build());

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(driver.asset().reason()).contains("refused the MD5 Challenge"));
        assertThat(driver.asset().state()).isEqualTo("No Communication");
        assertThat(peer.received("Login")).isEmpty();
    }

    @Test
    void aRefusedLoginWaitsThirtySecondsBeforeTheNextTryAndTheReasonSaysSo() {
        peer.secret = "other";
        start(config().refusedLoginRetry(ReconnectDelay.refusedLogin()).build());

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(driver.asset().reason())
                        .contains("login refused by the PBX: Authentication failed")
                        .containsPattern(
                                "next login attempt in (2[4-9]|3[0-6]) s \\(a refused login backs off up to 10 min"));
        assertThat(peer.received("Login")).hasSize(1);
        assertThat(driver.asset().state()).isEqualTo("No Communication");
    }

    @Test
    void aRefusedLoginIsNoCommunicationWithAReasonAndRetriesWithBackoff() {
        peer.secret = "other";
        start(config().refusedLoginRetry(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2.0, 0))
                .build());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(driver.asset().reason())
                    .contains("login refused by the PBX: Authentication failed")
                    .contains("IP is not in the AMI user's permitted IPs");
            assertThat(peer.received("Login")).hasSizeGreaterThanOrEqualTo(2);
        });
        assertThat(driver.asset().state()).isEqualTo("No Communication");
    }

    @Test
    void anInvalidConfigurationIsNoCommunicationAndNeverConnects() {
        start(config().username("").build());

        assertThat(driver.asset().state()).isEqualTo("No Communication");
        assertThat(driver.asset().reason()).isEqualTo("configuration invalid: username is missing");
        assertThat(peer.connections()).isZero();
    }

    @Test
    void aSilentServerMissesTheKeepaliveDeadlineThenTheDriverReconnects() {
        start(config().keepaliveTimeout(Duration.ofMillis(300)).build());
        awaitState("Normal");

        peer.answerPing = false;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(driver.asset().state()).isEqualTo("No Communication");
            assertThat(driver.asset().reason()).startsWith("keepalive missed: no Pong within 300 ms");
        });
        peer.answerPing = true;

        awaitState("Normal");
    }

    @Test
    void aDroppedConnectionFailsThePendingOriginateAndNeverResendsIt() {
        start(config().actionTimeout(Duration.ofSeconds(30)).build());
        awaitState("Normal");
        peer.answerOriginate = false;

        CompletableFuture<String> call = driver.callPhone(new CallPhone("1000", "1001", "Door 3", "Alarm"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> peer.received("Originate").size() == 1);
        peer.dropConnections();

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DriverException.class)
                .hasMessageContaining("connection lost")
                .hasMessageContaining("not resent");
        awaitState("Normal");
        int pingsAfterReconnect = peer.received("Ping").size();
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.received("Ping").size() > pingsAfterReconnect + 1);
        assertThat(peer.received("Originate")).hasSize(1);
    }

    @Test
    void aCallPhoneThatEndedWhileDisconnectedIsDeclinedUnknownAfterTheReconnectAndNotSentAgain() {
        start(config().build());
        awaitState("Normal");
        String callId =
                driver.callPhone(new CallPhone("1000", "1001", "a", "b")).join();
        peer.sendToAll("Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/1000-00000001\r\n"
                + "ChannelState: 0\r\nChannelStateDesc: Down\r\nExten: s\r\nUniqueid: 9.1\r\nLinkedid: 9.1\r\n\r\n");

        // The source's outcome happens now, unseen; CoreShowChannels will list nothing. (Whether or not the driver
        // read the Newchannel before the drop, the call is gone: unbound, its source has no channel either.)
        peer.dropConnections();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> events.stream().anyMatch(DriverEvent.CallStatus.class::isInstance));
        assertThat(events)
                .filteredOn(DriverEvent.CallStatus.class::isInstance)
                .map(DriverEvent.CallStatus.class::cast)
                .extracting(
                        DriverEvent.CallStatus::extension,
                        DriverEvent.CallStatus::status,
                        DriverEvent.CallStatus::reason,
                        DriverEvent.CallStatus::callId)
                .containsExactly(tuple("1000", DriverEvent.CallStatus.Status.Declined, "unknown", callId));
        awaitState("Normal");
        assertThat(peer.received("CoreShowChannels")).hasSize(2);
        assertThat(peer.received("Originate")).hasSize(1);
    }

    @Test
    void anActionWithoutAnswerFailsAtItsDeadline() {
        start(config().actionTimeout(Duration.ofMillis(300)).build());
        awaitState("Normal");
        peer.answerOriginate = false;

        CompletableFuture<String> call = driver.callPhone(new CallPhone("1000", "1001", "a", "b"));

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasMessageContaining("no response within 300 ms");
    }

    @Test
    void repeatedActionTimeoutsAreAFaultAndASuccessClearsIt() {
        start(config().actionTimeout(Duration.ofMillis(200)).failureThreshold(2).build());
        awaitState("Normal");
        peer.answerOriginate = false;

        for (int i = 0; i < 2; i++) {
            CompletableFuture<String> f = driver.callPhone(new CallPhone("1000", "1001", "a", "b"));
            await().atMost(Duration.ofSeconds(5)).until(f::isDone);
        }
        awaitState("Fault");
        assertThat(driver.asset().reason()).isEqualTo("2 consecutive actions got no answer from the PBX");

        peer.answerOriginate = true;
        driver.callPhone(new CallPhone("1000", "1001", "a", "b")).join();
        awaitState("Normal");
    }

    @Test
    void commandsWhileDisconnectedAreRejectedAtOnceAndNeverSentLater() throws Exception {
        start(config().build());
        awaitState("Normal");
        int port = peer.port();
        peer.close();
        awaitState("No Communication");

        CompletableFuture<String> call = driver.callPhone(new CallPhone("1000", "1001", "a", "b"));

        assertThat(call).isCompletedExceptionally();
        assertThatThrownBy(call::join)
                .hasMessageContaining("not connected to the PBX")
                .hasMessageContaining("will not be retried");
        peer = new ScriptedAmiPeer(port);
        awaitState("Normal");
        assertThat(peer.received("Originate")).isEmpty();
    }

    @Test
    void aUserWithoutTheOriginatePrivilegeIsAFaultWithThatReason() {
        peer.commands = List.of("Redirect", "Ping");
        start(config().build());

        awaitState("Fault");
        assertThat(driver.asset().reason()).contains("lacks the originate privilege");
    }

    @Test
    void aUserWithoutTheCallPrivilegeIsAFaultWithThatReason() {
        peer.commands = List.of("Originate", "Ping");
        start(config().build());

        awaitState("Fault");
        assertThat(driver.asset().reason())
                .isEqualTo("AMI user 'admin' lacks the call privilege: "
                        + "neither Redirect nor Setvar is offered (channel actions need call)");
    }

    @Test
    void aShutdownAnnouncementIsAFaultThenNoCommunicationThenNormalAgain() {
        start(config().build());
        awaitState("Normal");

        peer.sendToAll("Event: Shutdown\r\nPrivilege: system,all\r\nShutdown: Cleanly\r\nRestart: True\r\n\r\n");
        awaitState("Fault");
        assertThat(driver.asset().reason()).contains("PBX announced Shutdown");
        peer.dropConnections();
        awaitState("Normal");

        assertThat(events)
                .filteredOn(DriverEvent.AssetState.class::isInstance)
                .map(DriverEvent.AssetState.class::cast)
                .extracting(DriverEvent.AssetState::newState)
                .containsSubsequence("Normal", "Fault", "No Communication", "Normal");
    }

    @Test
    void aBurstOfTenThousandEventsArrivesCompleteAndInOrder() {
        // The Pong queues behind the burst on the wire (docs/ami.md §1.3: one ordered stream), so this test keeps the
        // default-sized keepalive deadline rather than the 300 ms the other tests use.
        start(config().keepaliveInterval(Duration.ofSeconds(1))
                .keepaliveTimeout(Duration.ofSeconds(5))
                .build());
        awaitState("Normal");
        List<AmiMessage> raw = new CopyOnWriteArrayList<>();
        driver.subscribeAmi(raw::add);

        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            burst.append("Event: PresenceStateChange\r\nPrivilege: call,all\r\nPresentity: CustomPresence:1000\r\n")
                    .append("Status: away\r\nSubtype: \r\nMessage: m")
                    .append(i)
                    .append("\r\n\r\n");
        }
        peer.sendToAll(burst.toString());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> raw.size() == 10_000
                        && events.stream()
                                        .filter(DriverEvent.Presence.class::isInstance)
                                        .count()
                                == 10_000);
        assertThat(raw)
                .extracting(m -> m.get("Message"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 10_000)
                        .mapToObj(i -> "m" + i)
                        .toList());
        assertThat(events)
                .filteredOn(DriverEvent.Presence.class::isInstance)
                .map(DriverEvent.Presence.class::cast)
                .extracting(DriverEvent.Presence::text)
                .isSortedAccordingTo(
                        (a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
        assertThat(driver.droppedEvents()).isZero();
        assertThat(events).filteredOn(DriverEvent.AssetState.class::isInstance).hasSize(1); // never reconnected
    }

    @Test
    void callPhoneSendsTheOriginateOfSpecSection5AndReturnsACallId() {
        start(config().build());
        awaitState("Normal");

        String callId = driver.callPhone(new CallPhone("1000", "1001", "Door 3", "Alarm zone 4"))
                .join();

        assertThat(callId).isNotBlank();
        AmiMessage originate = peer.received("Originate").get(0);
        assertThat(originate.headers())
                .extracting(h -> h.name() + ": " + h.value())
                .containsExactly(
                        "Action: Originate",
                        "Channel: PJSIP/1000",
                        "Context: from-internal",
                        "Exten: 1001",
                        "Priority: 1",
                        "CallerID: \"Door 3\" <Alarm zone 4>",
                        "Async: true",
                        "ActionID: " + originate.actionId());
    }

    @Test
    void callPhoneToAnExtensionThePbxDoesNotHaveIsRejectedBeforeAnythingIsSent() {
        start(config().build());
        awaitState("Normal");

        assertThatThrownBy(() -> driver.callPhone(new CallPhone("1000", "4321", "a", "b"))
                        .join())
                .hasMessageContaining("destinationExtension 4321 is not an extension of this PBX");
        assertThat(peer.received("Originate")).isEmpty();
    }

    @Test
    void aCallPhoneThatTheSourceRejectsIsDeclinedWithItsCallId() {
        start(config().build());
        awaitState("Normal");
        String callId =
                driver.callPhone(new CallPhone("1000", "1001", "a", "b")).join();
        String actionId = peer.received("Originate").get(0).actionId();

        // Phone 1000 rejecting the originated leg on a real PBX (transcript 43), under this Originate's ActionID.
        List<AmiMessage> recorded = TranscriptEvents.eventsAfterResponse("43_pjsip_source_declines", "orig-43").stream()
                .map(m -> m.has("ActionID")
                        ? m.toBuilder().set("ActionID", actionId).build()
                        : m)
                .toList();
        peer.sendToAll(new String(AmiWire.encode(recorded), StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(events)
                        .filteredOn(DriverEvent.CallStatus.class::isInstance)
                        .map(DriverEvent.CallStatus.class::cast)
                        .extracting(
                                DriverEvent.CallStatus::extension,
                                DriverEvent.CallStatus::status,
                                DriverEvent.CallStatus::reason,
                                DriverEvent.CallStatus::callId)
                        .containsExactly(tuple("1000", DriverEvent.CallStatus.Status.Declined, "busy", callId)));
    }

    @Test
    void bargeOfAnIdleDestinationIsAConflictAndOfABusyOneOriginatesChanSpy() {
        start(config().build());
        awaitState("Normal");

        assertThatThrownBy(() -> driver.barge(new Barge("1002", "1000")).join())
                .hasMessageContaining("destination 1000 is not in a call");
        assertThat(peer.received("Originate")).isEmpty();

        peer.channelsUp = List.of("PJSIP/1000-0000000a", "PJSIP/1001-0000000b");
        driver.barge(new Barge("1002", "1000")).join();
        assertThat(peer.received("Originate"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("Data")).isEqualTo("PJSIP/1000-,qBE"))
                .satisfies(m -> assertThat(m.get("Application")).isEqualTo("ChanSpy"));
    }

    @Test
    void anUndecodableAnswerFailsItsActionWithTheReasonAndTheSessionGoesOn() {
        start(config().build());
        awaitState("Normal");
        peer.originateReply = "Response: Error\r\nActionID: %s\r\nthis line has no colon\r\n\r\n";

        assertThatThrownBy(() -> driver.callPhone(new CallPhone("1000", "1001", "a", "b"))
                        .join())
                .hasMessageContaining("could not be decoded (LINE_WITHOUT_COLON)");
        peer.originateReply = null;

        assertThat(driver.callPhone(new CallPhone("1000", "1001", "a", "b")).join())
                .isNotBlank();
        assertThat(driver.asset().state()).isEqualTo("Normal");
    }

    @Test
    void aRefusedOriginateFailsWithAsterisksMessage() {
        start(config().build());
        awaitState("Normal");
        peer.originateReply = "Response: Error\r\nActionID: %s\r\nMessage: Extension does not exist.\r\n\r\n";

        assertThatThrownBy(() -> driver.callPhone(new CallPhone("1000", "1001", "a", "b"))
                        .join())
                .hasMessageContaining(
                        "destinationExtension 1001 does not exist on the PBX (Extension does not exist.)");
    }

    @Test
    void anOriginateAnsweredPermissionDeniedMakesTheAssetAFault() {
        start(config().build());
        awaitState("Normal");
        peer.originateReply = "Response: Error\r\nActionID: %s\r\nMessage: Permission denied\r\n\r\n";

        assertThatThrownBy(() -> driver.callPhone(new CallPhone("1000", "1001", "a", "b"))
                        .join())
                .hasMessageContaining("Permission denied");
        awaitState("Fault");
        assertThat(driver.asset().reason()).contains("lacks the originate privilege");
    }
}
