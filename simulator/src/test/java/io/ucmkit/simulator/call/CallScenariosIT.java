package io.ucmkit.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.ChannelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an AMI client on a real socket sees from the real simulator, message by message, for each call scenario. The
 * expected sequences are the reviewed files in {@code src/test/resources/call-scenarios/}, one line
 * per message (event name, channel, state and the deciding headers); {@code -Dscenarios.record=true}
 * rewrites them after a deliberate change, to be reviewed in the diff.
 */
class CallScenariosIT {

    SimulatedCalls server;
    AmiTestClient client;

    @BeforeEach
    void start() throws Exception {
        server = new SimulatedCalls();
        client = AmiTestClient.loggedIn(server.port(), SimulatedCalls.USER, SimulatedCalls.SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private void originate(String src, String dst) {
        AmiMessage r = client.action(
                "Action",
                "Originate",
                "ActionID",
                "orig-1",
                "Channel",
                "PJSIP/" + src,
                "Context",
                "from-internal",
                "Exten",
                dst,
                "Priority",
                "1",
                "CallerID",
                "Line1 text <Line2 text>",
                "Timeout",
                "30000",
                "Async",
                "true");
        assertThat(r.get("Message")).isEqualTo("Originate successfully queued");
    }

    private void spy(String data) {
        AmiMessage r = client.action(
                "Action",
                "Originate",
                "ActionID",
                "spy-1",
                "Channel",
                "PJSIP/1005",
                "Application",
                "ChanSpy",
                "Data",
                data,
                "CallerID",
                "Supervisor <1005>",
                "Async",
                "true");
        assertThat(r.get("Message")).isEqualTo("Originate successfully queued");
    }

    /** Reads up to and including the message whose line is {@code last}. */
    private void readTo(String last) {
        client.readUntil(m -> EventLog.line(m).equals(last));
    }

    /** A Ping marks the end: everything before its response is what the scenario produced. */
    private void assertSequence(String scenario) {
        client.action("Action", "Ping", "ActionID", "end");
        List<String> seen = AmiTestClient.lines(client.received);
        Path file = Path.of("src/test/resources/call-scenarios", scenario + ".txt");
        try {
            if (Boolean.getBoolean("scenarios.record")) {
                Files.createDirectories(file.getParent());
                Files.write(file, seen, StandardCharsets.UTF_8);
            }
            assertThat(seen).containsExactlyElementsOf(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void activeCall() {
        server.admin().dial("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 PJSIP/1001-00000001 Ring Ringing RINGING");
        server.admin().answer("1001");
        readTo("BridgeEnter PJSIP/1000-00000000 Up 2");
    }

    @Test
    void anAnsweredCallRingsBothPhonesBridgesThemAndEndsWhenTheCalleeHangsUp() {
        originate("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.admin().answer("1000");
        readTo("DialState PJSIP/1000-00000000 PJSIP/1001-00000001 Up Ringing RINGING");
        server.admin().answer("1001");
        readTo("BridgeEnter PJSIP/1000-00000000 Up 2");
        server.admin().hangup("1001");
        assertSequence("answered");
        AmiMessage response = client.received.stream()
                .filter(m -> "OriginateResponse".equals(m.eventName()))
                .findFirst()
                .orElseThrow();
        assertThat(response.name(2)).isEqualTo("ActionID");
        assertThat(response.get("CallerIDNum")).isEqualTo("Line2text");
        assertThat(response.get("CallerIDName")).isEqualTo("Line1 text");
    }

    @Test
    void aDecliningDestinationRejectsWith486SoTheDialIsBusyWithCause17() {
        server.admin().setAnswerMode("1001", AnswerMode.DECLINE);
        originate("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.admin().answer("1000");
        assertSequence("declined");
    }

    @Test
    void aBusyDestinationEndsTheDialWithBusyAndCause17() {
        server.admin().setAnswerMode("1001", AnswerMode.BUSY);
        originate("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.admin().answer("1000");
        assertSequence("busy");
    }

    @Test
    void aDestinationThatDoesNotAnswerTimesOutWithNoAnswerAndCause19() {
        server.admin().setAnswerMode("1001", AnswerMode.NO_ANSWER);
        originate("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.admin().answer("1000");
        readTo("DialState PJSIP/1000-00000000 PJSIP/1001-00000001 Up Ringing RINGING");
        server.clock.advance(CallEngine.DIAL_RING_TIMEOUT);
        assertSequence("no-answer");
    }

    @Test
    void anUnregisteredDestinationGetsNoChannelAndTheCallerIsHungUp() {
        server.admin().setRegistered("1002", false);
        originate("1000", "1002");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.admin().answer("1000");
        assertSequence("unregistered-destination");
    }

    @Test
    void anUnregisteredSourceFailsTheOriginateWithReason0() {
        server.admin().setRegistered("1000", false);
        originate("1000", "1001");
        assertSequence("unregistered-source");
    }

    @Test
    void aSourceThatRejectsFailsTheOriginateWithReason0AsOnARealPbx() {
        originate("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.admin().decline("1000");
        assertSequence("source-declines");
    }

    @Test
    void aSourceThatDoesNotAnswerFailsTheOriginateWithReason3AfterTheTimeout() {
        originate("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 Ringing RINGING");
        server.clock.advance(Duration.ofMillis(30_000));
        assertSequence("source-no-answer");
    }

    @Test
    void aCallerHangingUpWhileTheDestinationRingsCancelsTheDial() {
        server.admin().dial("1000", "1001");
        readTo("DialState PJSIP/1000-00000000 PJSIP/1001-00000001 Ring Ringing RINGING");
        server.admin().hangup("1000");
        assertSequence("caller-hangs-up-while-ringing");
    }

    @Test
    void theIvrReceivesEveryKeyAsDtmfEvents() {
        server.admin().dial("1004", "7000");
        readTo("Newexten PJSIP/1004-00000000 Up Read");
        server.admin().dtmf("1004", "0123456789*#");
        assertSequence("ivr-digits");
        // The IVR reads one key per Read (transcript 44): D holds the last one.
        assertThat(client.action(
                                "Action", "Getvar", "ActionID", "gv", "Channel", "PJSIP/1004-00000000", "Variable", "D")
                        .get("Value"))
                .isEqualTo("#");
    }

    @Test
    void thePresenceFeatureCodeSetsAllSixStatuses() {
        for (int option = 1; option <= 6; option++) {
            server.admin().dial("1003", "*48");
            server.admin().dtmf("1003", Integer.toString(option));
        }
        assertSequence("presence-feature-code");
    }

    @Test
    void bargingIntoAnActiveCallStartsChanSpyAndStopsWhenTheCallEnds() {
        activeCall();
        spy("PJSIP/1000-,qBE");
        readTo("DialState PJSIP/1005-00000002 Ringing RINGING");
        server.admin().answer("1005");
        readTo("ChanSpyStart PJSIP/1005-00000002 PJSIP/1000-00000000");
        server.admin().hangup("1001");
        assertSequence("barge-active-call");
        AmiMessage start = client.received.stream()
                .filter(m -> "ChanSpyStart".equals(m.eventName()))
                .findFirst()
                .orElseThrow();
        assertThat(start.name(2)).isEqualTo("SpyerChannel");
        assertThat(start.get("SpyeeChannel")).isEqualTo("PJSIP/1000-00000000");
        assertThat(start.get("SpyerCallerIDName")).isEqualTo("Supervisor");
    }

    @Test
    void bargingIntoAnIdleExtensionAnswersWithoutChanSpyStartUntilTheExtensionHasACall() {
        spy("PJSIP/1006-,qBE");
        readTo("DialState PJSIP/1005-00000000 Ringing RINGING");
        server.admin().answer("1005");
        readTo("OriginateResponse PJSIP/1005-00000000 ChanSpy Success 4");
        server.admin().dial("1007", "1006");
        server.admin().answer("1006");
        assertSequence("barge-idle-extension");
    }

    @Test
    void whisperingAndListeningAttachWithTheirModes() {
        activeCall();
        spy("PJSIP/1001-,qwE");
        readTo("DialState PJSIP/1005-00000002 Ringing RINGING");
        server.admin().answer("1005");
        server.admin().dial("1006", "*541000");
        assertSequence("whisper-and-listen");
        assertThat(server.admin().calls())
                .filteredOn(c -> c.spyMode() != null)
                .extracting(ChannelInfo::spyMode, ChannelInfo::spying)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("whisper", "PJSIP/1001-00000001"),
                        org.assertj.core.groups.Tuple.tuple("listen", "PJSIP/1000-00000000"));
    }

    @Test
    void hangupByRegexAnswersAListAndHangsUpEveryMatch() {
        activeCall();
        AmiMessage r = client.action(
                "Action", "Hangup", "ActionID", "hup-re", "Channel", "/^PJSIP\\/100[01]-.*$/", "Cause", "17");
        assertThat(r.get("EventList")).isEqualTo("start");
        client.readUntil(m -> "ChannelsHungupListComplete".equals(m.eventName()));
        assertSequence("hangup-regex");
    }

    @Test
    void aSynchronousOriginateAnswersAfterTheSourceAnswersAndItsEventsFollowTheResponse() {
        client.send(
                "Action",
                "Originate",
                "ActionID",
                "sync-1",
                "Channel",
                "PJSIP/1000",
                "Application",
                "Wait",
                "Data",
                "5",
                "CallerID",
                "555");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> !server.admin().calls().isEmpty()
                        && "Ringing".equals(server.admin().calls().get(0).state()));
        server.admin().answer("1000");
        client.readUntil(m -> "DialEnd".equals(m.eventName()));
        server.clock.advance(Duration.ofSeconds(5));
        assertSequence("sync-originate");
    }
}
