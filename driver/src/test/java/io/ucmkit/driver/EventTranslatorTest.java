package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.driver.DriverEvent.CallStatus;
import io.ucmkit.driver.DriverEvent.IvrResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTranslatorTest {

    private final DriverConfig config = DriverConfig.builder()
            .address("pbx")
            .username("u")
            .password("p")
            .ivrRange(7000, 7100)
            .build();
    private final EventTranslator translator =
            new EventTranslator(config, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

    private List<DriverEvent> feed(List<AmiMessage> events) {
        List<DriverEvent> out = new ArrayList<>();
        for (AmiMessage m : events) {
            out.addAll(translator.translate(m));
        }
        return out;
    }

    @Test
    void aCallPhoneCallInTranscript09IsAcceptedOnceAndItsDigitsAreIvrResponses() {
        translator.expectCallPhone("orig-1", "call-1", "1000", "1001");

        List<DriverEvent> out = feed(TranscriptEvents.of("09_originate_dtmf"));

        assertThat(out)
                .filteredOn(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1000", CallStatus.Status.Accepted, null, "call-1"));
        // Two DTMFBegin for the first digit (surprise 16) still give one IVR Response per digit.
        assertThat(out)
                .filteredOn(IvrResponse.class::isInstance)
                .map(IvrResponse.class::cast)
                .extracting(IvrResponse::extension, IvrResponse::digit, IvrResponse::callId)
                .containsExactly(
                        tuple("1000", "1", "call-1"),
                        tuple("1000", "2", "call-1"),
                        tuple("1000", "3", "call-1"),
                        tuple("1000", "#", "call-1"));
    }

    @Test
    void digitsOnACallThatIsNeitherIvrNorCallPhoneAreNotIvrResponses() {
        List<DriverEvent> out = feed(TranscriptEvents.of("09_originate_dtmf"));

        assertThat(out).noneMatch(IvrResponse.class::isInstance);
        assertThat(out).filteredOn(CallStatus.class::isInstance).hasSize(1);
    }

    @Test
    void aFailedAsyncOriginateInTranscript09cIsDeclinedUnavailableAtTheSource() {
        translator.expectCallPhone("fail-async", "call-2", "4444", "1001");

        List<DriverEvent> out = feed(TranscriptEvents.of("09c_originate_sync_and_failures"));

        assertThat(out)
                .filteredOn(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(
                        tuple("1000", CallStatus.Status.Accepted, null, null),
                        tuple("4444", CallStatus.Status.Declined, "unavailable", "call-2"));
    }

    @Test
    void failuresOfOriginatesNotStartedByCallPhoneAreNeverDeclined() {
        List<DriverEvent> out = feed(TranscriptEvents.of("09c_originate_sync_and_failures"));

        assertThat(out)
                .filteredOn(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .noneMatch(c -> c.status() == CallStatus.Status.Declined);
    }

    @Test
    void everyAnsweredLegOfTranscript23IsAcceptedExactlyOnce() {
        List<DriverEvent> out = feed(TranscriptEvents.of("23_dial_local_ringing_answered"));

        assertThat(out)
                .filteredOn(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status)
                .containsExactly(tuple("1002", CallStatus.Status.Accepted), tuple("1001", CallStatus.Status.Accepted));
    }

    @Test
    void theBargeOfTranscript17ReportsTheSpyerAnsweringAndNoDigits() {
        List<DriverEvent> out = feed(TranscriptEvents.of("17_chanspy_barge"));

        assertThat(out)
                .filteredOn(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension)
                .containsExactly("1002", "3001", "9001");
        assertThat(out).noneMatch(IvrResponse.class::isInstance);
    }

    @Test
    void presenceFromTranscript13IsReportedOncePerChangeThoughAsteriskSendsTwoEvents() {
        List<DriverEvent> out = feed(TranscriptEvents.of("13_presence_setvar_and_cli"));

        assertThat(out)
                .filteredOn(DriverEvent.Presence.class::isInstance)
                .map(DriverEvent.Presence.class::cast)
                .extracting(DriverEvent.Presence::extension, DriverEvent.Presence::status, DriverEvent.Presence::text)
                .first()
                .isEqualTo(tuple("1000", "dnd", "In a meeting"));
        long changes = TranscriptEvents.of("13_presence_setvar_and_cli").stream()
                .filter(m -> "PresenceStateChange".equals(m.eventName()))
                .count();
        assertThat(out).filteredOn(DriverEvent.Presence.class::isInstance).hasSizeLessThanOrEqualTo((int) changes);
    }

    @Test
    void extensionStatusChangesFromTranscript16AreReportedWhenTheyChange() {
        List<DriverEvent> out = feed(TranscriptEvents.of("16_devicestate_setvar_extensionstatus"));

        assertThat(out)
                .filteredOn(DriverEvent.ExtensionState.class::isInstance)
                .map(DriverEvent.ExtensionState.class::cast)
                .extracting(DriverEvent.ExtensionState::status)
                .startsWith("InUse")
                .contains("Idle");
    }

    // --- PJSIP call sequences as docs/call-sequences.md and docs/ami.md §4.3 describe them (the simulator's channel
    // names) ---

    private static AmiMessage snap(
            String event, String channel, int state, String exten, String uniqueid, String linkedid, String... extra) {
        AmiMessage.Builder b = AmiMessage.builder()
                .add("Event", event)
                .add("Privilege", "call,all")
                .add("Channel", channel)
                .add("ChannelState", String.valueOf(state))
                .add("Exten", exten)
                .add("Uniqueid", uniqueid)
                .add("Linkedid", linkedid);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        return b.build();
    }

    private static AmiMessage originateResponse(String actionId, String response, String reason, String uniqueid) {
        return AmiMessage.of(
                "Event",
                "OriginateResponse",
                "Privilege",
                "call,all",
                "ActionID",
                actionId,
                "Response",
                response,
                "Channel",
                "PJSIP/1000",
                "Reason",
                reason,
                "Uniqueid",
                uniqueid);
    }

    @ParameterizedTest(name = "OriginateResponse Reason {0} is Declined {1} at the source")
    @CsvSource({"0,unavailable", "1,rejected", "3,no-answer", "5,busy", "8,rejected"})
    void aSourceThatDoesNotAnswerIsDeclinedWithTheReasonOfOriginateResponse(String reason, String expected) {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                snap("Hangup", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                originateResponse("a1", "Failure", reason, "<unknown>")));

        assertThat(out)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1000", CallStatus.Status.Declined, expected, "c1"));
    }

    @ParameterizedTest(name = "OriginateResponse Reason {0} before the leg's Hangup is Declined {1} at the source")
    @CsvSource({"0,unavailable", "1,rejected", "3,no-answer", "5,busy", "8,rejected"})
    void aSourceLegThatEndsWithoutACauseAfterTheOriginateResponseIsDeclinedWithItsReason(
            String reason, String expected) {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                originateResponse("a1", "Failure", reason, "<unknown>"),
                snap("Hangup", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1", "Cause", "0")));

        assertThat(out)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1000", CallStatus.Status.Declined, expected, "c1"));
    }

    @ParameterizedTest(name = "DialEnd {0} is Declined {1} at the destination")
    @CsvSource({"BUSY,busy", "NOANSWER,no-answer", "CHANUNAVAIL,unavailable", "CONGESTION,rejected"})
    void aDestinationThatDoesNotAnswerIsDeclinedWithTheReasonOfDialEnd(String dialStatus, String expected) {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 5, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 6, "s", "100.1", "100.1"),
                originateResponse("a1", "Success", "4", "100.1"),
                snap("Newchannel", "PJSIP/1001-00000002", 0, "1001", "100.2", "100.1"),
                snap(
                        "DialEnd",
                        "PJSIP/1000-00000001",
                        6,
                        "1001",
                        "100.1",
                        "100.1",
                        "DestChannel",
                        "PJSIP/1001-00000002",
                        "DestUniqueid",
                        "100.2",
                        "DestLinkedid",
                        "100.1",
                        "DialStatus",
                        dialStatus),
                // Declined once the callee's leg has hung up: Cause 0 (a ring timeout, 42b) leaves the DialStatus.
                snap("Hangup", "PJSIP/1001-00000002", 5, "1001", "100.2", "100.1", "Cause", "0")));

        assertThat(out)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(
                        tuple("1000", CallStatus.Status.Accepted, null, "c1"),
                        tuple("1001", CallStatus.Status.Declined, expected, "c1"));
    }

    /**
     * Dial to a phone with no channel: no DialBegin/DialEnd, the caller's Hangup cause (3 on a real PBX for an
     * endpoint without contact, transcript 42c; 20 in the simulator).
     */
    private List<AmiMessage> answeredSourceThenHangup(String cause) {
        return List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 5, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 6, "s", "100.1", "100.1"),
                snap(
                        "Newexten",
                        "PJSIP/1000-00000001",
                        6,
                        "1009",
                        "100.1",
                        "100.1",
                        "Application",
                        "Dial",
                        "AppData",
                        "PJSIP/1009,60"),
                originateResponse("a1", "Success", "4", "100.1"),
                snap("Hangup", "PJSIP/1000-00000001", 6, "1009", "100.1", "100.1", "Cause", cause));
    }

    @ParameterizedTest(name = "source hangs up with Cause {0} before any destination leg: Declined {1}")
    @CsvSource({"3,unavailable", "20,unavailable", "17,busy", "19,no-answer", "21,rejected"})
    void aDestinationThatNeverGotAChannelIsDeclinedWithTheCauseOfTheSourcesHangup(String cause, String expected) {
        translator.expectCallPhone("a1", "c1", "1000", "1009");

        assertThat(feed(answeredSourceThenHangup(cause)))
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(
                        tuple("1000", CallStatus.Status.Accepted, null, "c1"),
                        tuple("1009", CallStatus.Status.Declined, expected, "c1"));
    }

    @Test
    void aSourceHangingUpNormallyOrAfterTheDestinationAnsweredIsNotDeclined() {
        translator.expectCallPhone("a1", "c1", "1000", "1009");
        assertThat(feed(answeredSourceThenHangup("16")))
                .extracting(DriverEvent::type)
                .containsExactly("CallStatus");

        translator.expectCallPhone("a2", "c2", "1000", "1001");
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000003", 0, "s", "200.1", "200.1"),
                snap("Newstate", "PJSIP/1000-00000003", 6, "s", "200.1", "200.1"),
                originateResponse("a2", "Success", "4", "200.1"),
                snap("Newchannel", "PJSIP/1001-00000004", 0, "s", "200.2", "200.1"),
                snap("Newstate", "PJSIP/1001-00000004", 6, "s", "200.2", "200.1"),
                snap("Hangup", "PJSIP/1001-00000004", 6, "s", "200.2", "200.1", "Cause", "17"),
                snap("Hangup", "PJSIP/1000-00000003", 6, "1001", "200.1", "200.1", "Cause", "17")));
        assertThat(out)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status)
                .containsExactly(tuple("1000", CallStatus.Status.Accepted), tuple("1001", CallStatus.Status.Accepted));
    }

    @Test
    void aBusyDestinationOfACallNotStartedByCallPhoneIsNotDeclined() {
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1002-00000001", 4, "1001", "200.1", "200.1"),
                snap(
                        "DialEnd",
                        "PJSIP/1002-00000001",
                        4,
                        "1001",
                        "200.1",
                        "200.1",
                        "DestChannel",
                        "PJSIP/1001-00000002",
                        "DestUniqueid",
                        "200.2",
                        "DestLinkedid",
                        "200.1",
                        "DialStatus",
                        "BUSY")));

        assertThat(out).isEmpty();
    }

    @Test
    void digitsOfAPhoneOnACallWithAnIvrNumberAreIvrResponsesOfThatPhone() {
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1003-00000001", 4, "7000", "300.1", "300.1"),
                snap("Newstate", "PJSIP/1003-00000001", 6, "7000", "300.1", "300.1"),
                snap(
                        "DTMFBegin",
                        "PJSIP/1003-00000001",
                        6,
                        "7000",
                        "300.1",
                        "300.1",
                        "Digit",
                        "1",
                        "Direction",
                        "Received"),
                snap(
                        "DTMFEnd",
                        "PJSIP/1003-00000001",
                        6,
                        "7000",
                        "300.1",
                        "300.1",
                        "Digit",
                        "1",
                        "DurationMs",
                        "100",
                        "Direction",
                        "Received"),
                snap(
                        "DTMFEnd",
                        "PJSIP/1003-00000001",
                        6,
                        "7000",
                        "300.1",
                        "300.1",
                        "Digit",
                        "2",
                        "DurationMs",
                        "100",
                        "Direction",
                        "Sent")));

        assertThat(out).containsExactly(new IvrResponse("1003", "1", null, Instant.parse("2026-11-22T10:00:00Z")));
    }

    @Test
    void aCallersOwnLegGoingUpIsNotAnAnswerByThatCaller() {
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1003-00000001", 4, "7000", "300.1", "300.1"),
                snap("Newstate", "PJSIP/1003-00000001", 6, "7000", "300.1", "300.1")));

        assertThat(out).isEmpty();
    }

    @Test
    void customPresenceIsTheUcmCustomStatusWithItsText() {
        List<DriverEvent> out = feed(List.of(AmiMessage.of(
                "Event",
                "PresenceStateChange",
                "Privilege",
                "call,all",
                "Presentity",
                "CustomPresence:1004",
                "Status",
                "available",
                "Subtype",
                "custom",
                "Message",
                "InMeeting")));

        assertThat(out)
                .containsExactly(
                        new DriverEvent.Presence("1004", "custom", "InMeeting", Instant.parse("2026-11-22T10:00:00Z")));
    }

    @Test
    void afterAReconnectOnlyWhatChangedWhileAwayIsReported() {
        AmiMessage idle = AmiMessage.of(
                "Event",
                "ExtensionStatus",
                "Exten",
                "1000",
                "Context",
                "from-internal",
                "Hint",
                "PJSIP/1000",
                "Status",
                "0",
                "StatusText",
                "Idle");
        AmiMessage inUse = AmiMessage.of(
                "Event",
                "ExtensionStatus",
                "Exten",
                "1001",
                "Context",
                "from-internal",
                "Hint",
                "PJSIP/1001",
                "Status",
                "1",
                "StatusText",
                "InUse");
        AmiMessage away = AmiMessage.of(
                "Event",
                "PresenceStateChange",
                "Presentity",
                "CustomPresence:1000",
                "Status",
                "away",
                "Subtype",
                "",
                "Message",
                "");

        assertThat(translator.resync(List.of(idle), List.of(), List.of(), false))
                .isEmpty();
        List<DriverEvent> changed = translator.resync(List.of(idle, inUse), List.of(away), List.of(), true);

        assertThat(changed).extracting(DriverEvent::type).containsExactly("ExtensionState", "Presence");
        assertThat(translator.knownExtensions()).containsExactlyInAnyOrder("1000", "1001");
    }

    // --- after a reconnect: Call Phone calls that ended while the connection was down ---

    private static AmiMessage coreShowChannel(String channel, int state, String uniqueid, String linkedid) {
        return AmiMessage.of(
                "Event",
                "CoreShowChannel",
                "Channel",
                channel,
                "ChannelState",
                String.valueOf(state),
                "Uniqueid",
                uniqueid,
                "Linkedid",
                linkedid);
    }

    private List<DriverEvent> reconnect(AmiMessage... channels) {
        return translator.resync(List.of(), List.of(), List.of(channels), true);
    }

    @Test
    void aCallWhoseSourceWasRingingWhenTheConnectionDroppedAndIsGoneIsDeclinedUnknownAtTheSource() {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 5, "s", "100.1", "100.1")));

        assertThat(reconnect())
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1000", CallStatus.Status.Declined, "unknown", "c1"));
        assertThat(reconnect()).isEmpty(); // reported once, then forgotten
        assertThat(feed(List.of(originateResponse("a1", "Failure", "5", "<unknown>"))))
                .isEmpty();
    }

    @Test
    void aCallWhoseDestinationWasRingingIsDeclinedUnknownAtTheDestination() {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 6, "s", "100.1", "100.1"),
                originateResponse("a1", "Success", "4", "100.1"),
                snap("Newchannel", "PJSIP/1001-00000002", 0, "1001", "100.2", "100.1")));

        assertThat(reconnect())
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1001", "unknown", "c1"));
    }

    @Test
    void aCallNotYetSeenOnTheWireIsDeclinedUnknownUnlessItsSourceHasAChannel() {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        translator.expectCallPhone("a2", "c2", "1002", "1001");

        assertThat(reconnect(coreShowChannel("PJSIP/1002-00000007", 5, "300.1", "300.1")))
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::callId)
                .containsExactly(tuple("1000", "c1"));
        // c2's source is ringing: its OriginateResponse can still come, and is still reported.
        assertThat(feed(List.of(originateResponse("a2", "Failure", "3", "<unknown>"))))
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::reason)
                .containsExactly(tuple("1002", "no-answer"));
    }

    @Test
    void aCallStillUpAfterTheReconnectOrWithItsOutcomeReportedIsNotDeclinedUnknown() {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        translator.expectCallPhone("a2", "c2", "1002", "1003");
        feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000001", 0, "s", "100.1", "100.1"),
                snap("Newstate", "PJSIP/1000-00000001", 6, "s", "100.1", "100.1"),
                originateResponse("a1", "Success", "4", "100.1"),
                snap("Newchannel", "PJSIP/1002-00000003", 0, "s", "200.1", "200.1"),
                snap("Newstate", "PJSIP/1002-00000003", 6, "s", "200.1", "200.1"),
                originateResponse("a2", "Success", "4", "200.1"),
                snap("Newchannel", "PJSIP/1003-00000004", 0, "1003", "200.2", "200.1"),
                snap("Newstate", "PJSIP/1003-00000004", 6, "1003", "200.2", "200.1")));

        assertThat(reconnect(coreShowChannel("PJSIP/1000-00000001", 6, "100.1", "100.1")))
                .isEmpty();
        // c1 is still tracked: its destination's refusal is reported as ever.
        assertThat(feed(List.of(
                        snap("Newchannel", "PJSIP/1001-00000002", 0, "1001", "100.2", "100.1"),
                        snap(
                                "DialEnd",
                                "PJSIP/1000-00000001",
                                6,
                                "1001",
                                "100.1",
                                "100.1",
                                "DestChannel",
                                "PJSIP/1001-00000002",
                                "DestUniqueid",
                                "100.2",
                                "DestLinkedid",
                                "100.1",
                                "DialStatus",
                                "BUSY"),
                        snap("Hangup", "PJSIP/1001-00000002", 5, "1001", "100.2", "100.1", "Cause", "17"))))
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1001", "busy", "c1"));
    }

    @Test
    void cancelDropsPendingConfirmationsSoNoDeclinedFollows() {
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        translator.dropPendingConfirmations();

        assertThat(feed(List.of(originateResponse("a1", "Failure", "5", "<unknown>"))))
                .isEmpty();
    }

    @Test
    void cancelBetweenTheDestinationsDialEndAndItsHangupReportsNoDeclined() {
        translator.expectCallPhone("orig-41", "c1", "1000", "1001");
        List<AmiMessage> recorded = TranscriptEvents.of("41_pjsip_call_phone_declined");
        int dialEndBusy = recorded.indexOf(recorded.stream()
                .filter(m -> "DialEnd".equals(m.eventName()) && "BUSY".equals(m.get("DialStatus")))
                .findFirst()
                .orElseThrow());

        assertThat(feed(recorded.subList(0, dialEndBusy + 1)))
                .filteredOn(CallStatus.class::isInstance)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::status)
                .containsExactly(CallStatus.Status.Accepted);
        translator.dropPendingConfirmations();
        assertThat(feed(recorded.subList(dialEndBusy + 1, recorded.size()))).noneMatch(CallStatus.class::isInstance);
    }

    @Test
    void callsThePbxNeverReportsOnAreForgottenOldestFirstSoTrackingStaysBounded() {
        for (int i = 0; i <= EventTranslator.MAX_TRACKED_CALLS; i++) {
            translator.expectCallPhone("a" + i, "c" + i, "1000", "1001");
        }

        assertThat(feed(List.of(originateResponse("a0", "Failure", "5", "<unknown>"))))
                .isEmpty();
        assertThat(feed(List.of(originateResponse("a1", "Failure", "5", "<unknown>"))))
                .hasSize(1);
    }

    @Test
    void aSourceThatRejectsIsDeclinedOnceThoughDialEndAndOriginateResponseBothReportIt() {
        // The simulator's "source-declines" sequence: the originated leg has no caller block (docs/ami.md §6.2).
        translator.expectCallPhone("a1", "c1", "1000", "1001");
        List<DriverEvent> out = feed(List.of(
                snap("Newchannel", "PJSIP/1000-00000000", 0, "s", "400.1", "400.1"),
                AmiMessage.of(
                        "Event",
                        "DialBegin",
                        "DestChannel",
                        "PJSIP/1000-00000000",
                        "DestChannelState",
                        "0",
                        "DestUniqueid",
                        "400.1",
                        "DestLinkedid",
                        "400.1",
                        "DialString",
                        "1000"),
                snap("Newstate", "PJSIP/1000-00000000", 5, "s", "400.1", "400.1"),
                AmiMessage.of(
                        "Event",
                        "DialEnd",
                        "DestChannel",
                        "PJSIP/1000-00000000",
                        "DestChannelState",
                        "5",
                        "DestUniqueid",
                        "400.1",
                        "DestLinkedid",
                        "400.1",
                        "DialStatus",
                        "CONGESTION"),
                snap("Hangup", "PJSIP/1000-00000000", 5, "s", "400.1", "400.1", "Cause", "21"),
                originateResponse("a1", "Failure", "8", "<unknown>")));

        assertThat(out)
                .map(CallStatus.class::cast)
                .extracting(CallStatus::extension, CallStatus::status, CallStatus::reason, CallStatus::callId)
                .containsExactly(tuple("1000", CallStatus.Status.Declined, "rejected", "c1"));
    }
}
