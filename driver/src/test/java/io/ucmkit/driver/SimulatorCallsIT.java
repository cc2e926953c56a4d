package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ucmkit.driver.DriverEvent.CallStatus;
import io.ucmkit.driver.DriverEvent.IvrResponse;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.AmiUserInfo;
import io.ucmkit.simulator.admin.ChannelInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Call Phone, Barge, Call Status and IVR Response end to end: the driver against the in-process simulator's call
 * engine on real loopback sockets, with the demo PBX (1000 manual, 1001 auto after 200 ms, 1005 declines, 1006
 * busy, 1007 never answers, 1009 unregistered, IVR 7000). The simulator's timers run on {@link ManualTime}, so
 * ring timeouts and auto-answer fire when the test says, never by wall time.
 */
class SimulatorCallsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private final ManualTime timers = new ManualTime();
    private final List<DriverEvent> events = new CopyOnWriteArrayList<>();
    private UcmSimulator sim;
    private UcmDriver driver;

    @BeforeEach
    void start() {
        sim = UcmSimulator.builder()
                .amiPort(0)
                .bind("127.0.0.1")
                .authFailureDelay(Duration.ZERO)
                .clock(timers.clock())
                .scheduler(timers)
                .start();
        driver = UcmDriver.start(
                DriverConfig.builder()
                        .address("127.0.0.1")
                        .port(sim.amiPort())
                        .username("amiadmin")
                        .password("amiadmin1")
                        .reconnect(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2))
                        .refusedLoginRetry(new ReconnectDelay(Duration.ofMillis(50), Duration.ofMillis(200), 2, 0.2))
                        .build(),
                dataDir);
        driver.subscribe(events::add);
        await().atMost(WAIT)
                .until(() -> driver.isConnected() && driver.asset().state().equals("Normal"));
    }

    @AfterEach
    void stop() {
        driver.close();
        sim.close();
    }

    @Test
    void anAdminUserIsNormalNowThatThePbxOffersOriginate() {
        assertThat(driver.asset().trueState()).isEqualTo(SystemAsset.TrueState.NORMAL);
        assertThat(events)
                .filteredOn(DriverEvent.AssetState.class::isInstance)
                .map(DriverEvent.AssetState.class::cast)
                .extracting(DriverEvent.AssetState::trueState)
                .doesNotContain("Fault");
    }

    @Test
    void callPhoneAnsweredBySourceThenDestinationIsAcceptedTwiceWithTheLinesAsCallerId() {
        String callId = driver.callPhone(new CallPhone("1000", "1001", "Door 3", "Alarm (B-2)"))
                .join();

        // The source phone rings showing line 1 as the name and line 2, shrunk by Asterisk, as the number.
        ChannelInfo source = channelOf("1000");
        assertThat(source.state()).isEqualTo("Ringing");
        assertThat(source.callerIdName()).isEqualTo("Door 3");
        assertThat(source.callerIdNum()).isEqualTo("AlarmB2");

        sim.admin().answer("1000");
        await().atMost(WAIT).until(() -> callStatuses().size() == 1);
        timers.advance(Duration.ofMillis(200)); // 1001 answers automatically after 200 ms

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(callStatuses())
                        .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                        .containsExactly(
                                tuple("1000", CallStatus.Status.Accepted, null, callId),
                                tuple("1001", CallStatus.Status.Accepted, null, callId)));
        // The destination shows who calls: the Call Phone lines as its connected line.
        ChannelInfo destination = channelOf("1001");
        assertThat(destination.state()).isEqualTo("Up");
        assertThat(destination.connectedLineName()).isEqualTo("Door 3");
        assertThat(destination.connectedLineNum()).isEqualTo("AlarmB2");
        assertThat(destination.bridgedWith()).isEqualTo(source.channel());
    }

    @ParameterizedTest(name = "destination {0} ({2}) is Declined {1}")
    @CsvSource({
        "1005, rejected,    declines (603), 0",
        "1006, busy,        is busy,        0",
        "1007, no-answer,   never answers,  60",
        "1009, unavailable, is unregistered, 0",
    })
    void aDestinationThatDoesNotTakeTheCallIsDeclinedWithTheReason(
            String destination, String reason, String why, int ringSeconds) {
        String callId = driver.callPhone(new CallPhone("1000", destination, "Door 3", "Alarm"))
                .join();
        sim.admin().answer("1000");
        timers.advance(Duration.ofSeconds(ringSeconds)); // the dialplan's ring timeout (Dial(...,60))

        await().atMost(WAIT).until(() -> callStatuses().stream().anyMatch(declined()));
        assertThat(callStatuses())
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(
                        tuple("1000", CallStatus.Status.Accepted, null, callId),
                        tuple(destination, CallStatus.Status.Declined, reason, callId));
        await().atMost(WAIT).until(() -> sim.admin().calls().isEmpty());
    }

    @Test
    void aDestinationUnregisteredAtRunTimeIsDeclinedUnavailable() {
        sim.admin().setRegistered("1002", false);
        String callId =
                driver.callPhone(new CallPhone("1000", "1002", "a", "b")).join();
        sim.admin().answer("1000");

        await().atMost(WAIT).until(() -> callStatuses().stream().anyMatch(declined()));
        assertThat(callStatuses())
                .filteredOn(declined())
                .extracting(CallStatus::extension, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1002", "unavailable", callId));
    }

    @ParameterizedTest(name = "source {0} that {2} is Declined {1}")
    @CsvSource({
        // the demo's 1000 rejects with 486, as the recorded phones (transcript 43): busy
        "1000, busy,        declines,        decline",
        "1000, busy,        hangs up,        hangup",
        "1007, no-answer,   never answers,   wait",
        "1006, busy,        is busy,         none",
        "1009, unavailable, is unregistered, none",
    })
    void aSourceThatDoesNotTakeTheCallIsDeclinedWithTheReason(String source, String reason, String why, String act) {
        String callId = driver.callPhone(new CallPhone(source, "1001", "Door 3", "Alarm"))
                .join();
        switch (act) {
            case "decline" -> sim.admin().decline(source);
            case "hangup" -> sim.admin().hangup(source);
            case "wait" -> timers.advance(Duration.ofSeconds(30)); // Originate's default Timeout
            default -> {}
        }

        await().atMost(WAIT).until(() -> callStatuses().stream().anyMatch(declined()));
        assertThat(callStatuses())
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple(source, CallStatus.Status.Declined, reason, callId));
        assertThat(sim.admin().calls()).isEmpty(); // the destination never rang
    }

    @Test
    void aCallPhoneThatEndsWhileTheDriverIsLockedOutIsDeclinedUnknownAfterTheReconnectAndNotSentAgain() {
        String callId = driver.callPhone(new CallPhone("1000", "1001", "Door 3", "Alarm"))
                .join();
        await().atMost(WAIT).until(() -> "Ringing".equals(channelOf("1000").state()));
        AmiUserInfo user = sim.admin().amiUser("amiadmin").orElseThrow();

        // Saving the AMI user restarts the manager (every session closed, as on a UCM); with another secret the
        // driver cannot log back in, so it sees nothing of what happens next.
        sim.admin()
                .saveAmiUser(new AmiUserInfo(user.username(), "locked-out", user.permit(), user.read(), user.write()));
        await().atMost(WAIT).until(() -> driver.asset().reason().startsWith("login refused by the PBX"));
        sim.admin().decline("1000");
        await().atMost(WAIT).until(() -> sim.admin().calls().isEmpty());
        sim.admin().saveAmiUser(user);

        await().atMost(WAIT).until(() -> driver.asset().state().equals("Normal"));
        await().atMost(WAIT).until(() -> callStatuses().stream().anyMatch(declined()));
        assertThat(callStatuses())
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1000", CallStatus.Status.Declined, "unknown", callId));
        assertThat(sim.admin().journal())
                .filteredOn(e -> "Originate".equals(e.action()))
                .hasSize(1);
    }

    @Test
    void callsNotStartedByCallPhoneAreAcceptedButNeverDeclined() {
        sim.admin().dial("1002", "1001");
        timers.advance(Duration.ofMillis(200));
        await().atMost(WAIT).until(() -> !callStatuses().isEmpty());
        sim.admin().hangup("1002");
        sim.admin().dial("1002", "1005"); // declines: not a Call Phone call, so no Declined
        sim.admin().dial("1003", "1006"); // busy
        // A Call Phone call after them proves their events have all been translated.
        String callId =
                driver.callPhone(new CallPhone("1009", "1001", "a", "b")).join();

        await().atMost(WAIT).until(() -> callStatuses().stream().anyMatch(declined()));
        assertThat(callStatuses())
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(
                        tuple("1001", CallStatus.Status.Accepted, null, null),
                        tuple("1009", CallStatus.Status.Declined, "unavailable", callId));
    }

    @Test
    void bargeIntoAnActiveCallStartsChanSpyInBargeModeOnTheDestinationsChannel() {
        sim.admin().dial("1002", "1001");
        timers.advance(Duration.ofMillis(200));
        await().atMost(WAIT).until(() -> "Up".equals(channelOf("1001").state()));
        String spied = channelOf("1001").channel();

        assertThat(driver.barge(new Barge("1000", "1001")).join()).isNotBlank();
        sim.admin().answer("1000"); // the barging phone rings first

        ChannelInfo spy = channelOf("1000");
        assertThat(spy.application()).isEqualTo("ChanSpy");
        assertThat(spy.spyMode()).isEqualTo("barge");
        assertThat(spy.spying()).isEqualTo(spied);
        assertThat(sim.admin().journal())
                .filteredOn(e -> "Originate".equals(e.action()))
                .singleElement()
                .satisfies(e -> assertThat(e.headers())
                        .containsEntry("Application", "ChanSpy")
                        .containsEntry("Data", "PJSIP/1001-,qBE")
                        .containsEntry("Channel", "PJSIP/1000"));

        // E: the barge ends with the call it joined.
        sim.admin().hangup("1002");
        await().atMost(WAIT).until(() -> sim.admin().calls().isEmpty());
    }

    @Test
    void bargeOnAnIdleDestinationIsAConflictAndSendsNoOriginate() {
        assertThatThrownBy(() -> driver.barge(new Barge("1000", "1001")).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        DriverException.class, e -> assertThat(e.kind()).isEqualTo(DriverException.Kind.CONFLICT))
                .hasMessageContaining("destination 1001 is not in a call");

        // Ringing is not in a call either: ChanSpy would skip a channel that is not up.
        sim.admin().dial("1002", "1000");
        await().atMost(WAIT).until(() -> "Ringing".equals(channelOf("1000").state()));
        assertThatThrownBy(() -> driver.barge(new Barge("1003", "1000")).join())
                .hasMessageContaining("destination 1000 is not in a call");

        assertThat(sim.admin().journal()).noneMatch(e -> "Originate".equals(e.action()));
    }

    @Test
    void everyKeyPressedOnACallToTheIvrIsAnIvrResponseInOrder() {
        sim.admin().dial("1004", "7000");
        await().atMost(WAIT).until(() -> "Up".equals(channelOf("1004").state()));

        sim.admin().dtmf("1004", "0123456789*#");

        List<String> keys = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(ivrResponses())
                        .extracting(IvrResponse::extension, IvrResponse::digit, IvrResponse::callId)
                        .containsExactlyElementsOf(
                                keys.stream().map(k -> tuple("1004", k, null)).toList()));
    }

    @Test
    void keysPressedOnACallPhoneCallToTheIvrCarryTheCallId() {
        String callId =
                driver.callPhone(new CallPhone("1000", "7000", "Alarm", "7")).join();
        sim.admin().answer("1000");
        await().atMost(WAIT).until(() -> !callStatuses().isEmpty());

        sim.admin().dtmf("1000", "1#");

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(ivrResponses())
                        .extracting(IvrResponse::extension, IvrResponse::digit, IvrResponse::callId)
                        .containsExactly(tuple("1000", "1", callId), tuple("1000", "#", callId)));
    }

    @Test
    void keysTheDestinationPressesOnACallPhoneCallAreIvrResponsesWithTheCallId() {
        String callId = driver.callPhone(new CallPhone("1000", "1002", "Door 3", "Alarm"))
                .join();
        sim.admin().answer("1000");
        await().atMost(WAIT).until(() -> "Ringing".equals(channelOf("1002").state()));
        sim.admin().answer("1002");
        await().atMost(WAIT).until(() -> callStatuses().size() == 2);

        sim.admin().dtmf("1002", "1"); // "press 1 to acknowledge"
        sim.admin().dtmf("1000", "*"); // the source's keys count too: it is a Call Phone call

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(ivrResponses())
                        .extracting(IvrResponse::extension, IvrResponse::digit, IvrResponse::callId)
                        .containsExactly(tuple("1002", "1", callId), tuple("1000", "*", callId)));
    }

    @Test
    void keysPressedOnAnOrdinaryCallAreNotIvrResponses() {
        sim.admin().dial("1002", "1001");
        timers.advance(Duration.ofMillis(200));
        await().atMost(WAIT).until(() -> !callStatuses().isEmpty());
        sim.admin().dtmf("1002", "5");
        // A keypress on an IVR call afterwards: when it arrives, the first has been translated (wire order).
        sim.admin().dial("1004", "7000");
        sim.admin().dtmf("1004", "9");

        await().atMost(WAIT).until(() -> !ivrResponses().isEmpty());
        assertThat(ivrResponses())
                .extracting(IvrResponse::extension, IvrResponse::digit)
                .containsExactly(tuple("1004", "9"));
    }

    private ChannelInfo channelOf(String extension) {
        return sim.admin().calls().stream()
                .filter(c -> extension.equals(c.extension()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no channel of " + extension + " in " + sim.admin().calls()));
    }

    private List<CallStatus> callStatuses() {
        return events.stream()
                .filter(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .toList();
    }

    private List<IvrResponse> ivrResponses() {
        return events.stream()
                .filter(IvrResponse.class::isInstance)
                .map(IvrResponse.class::cast)
                .toList();
    }

    private static Predicate<CallStatus> declined() {
        return c -> c.status() == CallStatus.Status.Declined;
    }
}
