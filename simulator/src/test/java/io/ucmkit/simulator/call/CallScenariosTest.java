package io.ucmkit.simulator.call;

import static io.ucmkit.simulator.admin.SimulatorException.Kind.NOTHING_TO_ACT_ON;
import static io.ucmkit.simulator.admin.SimulatorException.Kind.UNKNOWN_EXTENSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.ami.CallAmi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call engine's event sequences, without sockets (the *IT scenarios check them on the wire). */
class CallScenariosTest {

    final FakePbx pbx = new FakePbx();
    final ManualTime clock = new ManualTime();
    final EventLog log = new EventLog();
    final Calls calls = Calls.create(pbx, clock.clock(), clock, log.bus(), false);
    final CallAmi ami = new CallAmi(calls);

    private List<AmiMessage> originate(String src, String dst) {
        return ami.originate(
                        AmiMessage.of(
                                "Action",
                                "Originate",
                                "ActionID",
                                "o1",
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
                                "20000",
                                "Async",
                                "true"),
                        true)
                .join();
    }

    // Channel, dial and bridge events of each step (VarSets and RTCP apart: callLines), as the PJSIP
    // recordings have them; PjsipCallReplayIT compares the whole stream with the recordings.
    private static final List<String> SOURCE_RINGS = List.of(
            "Newchannel PJSIP/1000-00000000 Down",
            "Newexten PJSIP/1000-00000000 Down AppDial2",
            "NewCallerid PJSIP/1000-00000000 Down",
            "NewConnectedLine PJSIP/1000-00000000 Down",
            "DialBegin PJSIP/1000-00000000 Down",
            "Newstate PJSIP/1000-00000000 Ringing",
            "DialState PJSIP/1000-00000000 Ringing RINGING");

    private static final List<String> SOURCE_ANSWERS_AND_DIALS_1001 = List.of(
            "Newstate PJSIP/1000-00000000 Up",
            "DialEnd PJSIP/1000-00000000 Up ANSWER",
            "Newexten PJSIP/1000-00000000 Up Dial",
            "OriginateResponse PJSIP/1000-00000000 Success 4",
            "Newchannel PJSIP/1001-00000001 Down",
            "Newexten PJSIP/1001-00000001 Down AppDial",
            "NewConnectedLine PJSIP/1001-00000001 Down",
            "DialBegin PJSIP/1000-00000000 PJSIP/1001-00000001 Up Down");

    private static final List<String> DEST_RINGS = List.of(
            "NewConnectedLine PJSIP/1000-00000000 Up",
            "Newstate PJSIP/1001-00000001 Ringing",
            "DialState PJSIP/1000-00000000 PJSIP/1001-00000001 Up Ringing RINGING");

    /** Dial returns unbridged: the dialplan's Hangup() on the caller (41). */
    private static final List<String> CALLER_HANGS_UP =
            List.of("Newexten PJSIP/1000-00000000 Up Hangup", "SoftHangupRequest PJSIP/1000-00000000 Up 16");

    private List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }

    @Test
    void anAnsweredOriginateBridgesBothPhonesAndTearsDownWhenTheCalleeHangsUp() {
        originate("1000", "1001");
        calls.answer("1000");
        calls.answer("1001");
        calls.hangup("1001");
        assertThat(log.callLines())
                .containsExactlyElementsOf(concat(
                        SOURCE_RINGS,
                        SOURCE_ANSWERS_AND_DIALS_1001,
                        DEST_RINGS,
                        List.of(
                                "Newstate PJSIP/1001-00000001 Up",
                                "DialEnd PJSIP/1000-00000000 PJSIP/1001-00000001 Up Up ANSWER",
                                "BridgeCreate 0",
                                "Newexten PJSIP/1001-00000001 Up AppDial",
                                "BridgeEnter PJSIP/1001-00000001 Up 1",
                                "BridgeEnter PJSIP/1000-00000000 Up 2",
                                "HangupRequest PJSIP/1001-00000001 Up 16",
                                "BridgeLeave PJSIP/1001-00000001 Up 1",
                                "BridgeLeave PJSIP/1000-00000000 Up 0",
                                "SoftHangupRequest PJSIP/1000-00000000 Up 16",
                                "BridgeDestroy 0",
                                "Hangup PJSIP/1001-00000001 Up 16",
                                "Hangup PJSIP/1000-00000000 Up 16")));
        assertThat(log.variables("PJSIP/1000-00000000"))
                .contains(
                        "DIALSTATUS=ANSWER",
                        "DIALEDPEERNUMBER=1001",
                        "BRIDGEPEER=PJSIP/1001-00000001",
                        "RTPAUDIOQOSBRIDGED="
                                + log.variables("PJSIP/1001-00000001").stream()
                                        .filter(v -> v.startsWith("RTPAUDIOQOS="))
                                        .findFirst()
                                        .orElseThrow()
                                        .substring("RTPAUDIOQOS=".length()));
        assertThat(pbx.log)
                .containsExactly(
                        "device 1000 RINGING",
                        "device 1000 INUSE",
                        "device 1001 RINGING",
                        "device 1001 INUSE",
                        "device 1001 NOT_INUSE",
                        "device 1000 NOT_INUSE");
        assertThat(calls.calls()).isEmpty();
    }

    @Test
    void theOriginatedLegStartsWithItsEndpointsCallerIdAndThenCarriesTheShrunkCallerIdAsCallerAndConnectedLine() {
        originate("1000", "1001");
        assertThat(log.events.get(0).get("CallerIDNum")).isEqualTo("1000");
        assertThat(log.events.get(0).get("CallerIDName")).isEqualTo("Phone 1000");
        AmiMessage connected = log.events.get(3);
        assertThat(connected.get("CallerIDNum")).isEqualTo("Line2text");
        assertThat(connected.get("CallerIDName")).isEqualTo("Line1 text");
        assertThat(connected.get("ConnectedLineNum")).isEqualTo("Line2text");
        assertThat(connected.get("ConnectedLineName")).isEqualTo("Line1 text");
        assertThat(log.events.get(4).get("DialString")).isEqualTo("1000");
        assertThat(log.events.get(4).get("Channel"))
                .as("no caller block on an Originate leg")
                .isNull();
    }

    @Test
    void aBusyCalleeAnswers486AtOnceWithoutRinging() {
        pbx.mode("1001", PbxPort.AnswerMode.BUSY, Duration.ZERO);
        originate("1000", "1001");
        calls.answer("1000");
        assertThat(log.callLines())
                .containsExactlyElementsOf(concat(
                        SOURCE_RINGS,
                        SOURCE_ANSWERS_AND_DIALS_1001,
                        List.of(
                                "HangupRequest PJSIP/1001-00000001 Down 17",
                                "DialEnd PJSIP/1000-00000000 PJSIP/1001-00000001 Up Down BUSY"),
                        CALLER_HANGS_UP,
                        List.of("Hangup PJSIP/1001-00000001 Down 17", "Hangup PJSIP/1000-00000000 Up 17")));
        assertThat(log.variables("PJSIP/1000-00000000")).contains("DIALSTATUS=BUSY");
    }

    @Test
    void aDecliningCalleeRingsThenRejectsWith486AsTheRecordedPhonesDid() {
        pbx.mode("1001", PbxPort.AnswerMode.DECLINE, Duration.ZERO);
        originate("1000", "1001");
        calls.answer("1000");
        assertThat(log.callLines())
                .containsExactlyElementsOf(concat(
                        SOURCE_RINGS,
                        SOURCE_ANSWERS_AND_DIALS_1001,
                        DEST_RINGS,
                        List.of(
                                "HangupRequest PJSIP/1001-00000001 Ringing 17",
                                "DialEnd PJSIP/1000-00000000 PJSIP/1001-00000001 Up Ringing BUSY"),
                        CALLER_HANGS_UP,
                        List.of("Hangup PJSIP/1001-00000001 Ringing 17", "Hangup PJSIP/1000-00000000 Up 17")));
        assertThat(log.events)
                .filteredOn(e -> e.eventName().equals("Hangup"))
                .allSatisfy(e -> assertThat(e.get("TechCause")).isEqualTo("486"));
    }

    @Test
    void aPhoneSetToDecline603GivesCause21NoanswerAndChanunavailAsAsteriskMapsIt() {
        pbx.declineWith("1001", 603);
        originate("1000", "1001");
        calls.answer("1000");
        calls.decline("1001");
        // res_pjsip ast_sip_hangup_sip2cause: 603 -> 21; dial.c ast_hangup_cause_to_dial_status: 21 -> NOANSWER;
        // app_dial handle_cause: 21 counts as "no channel" -> DIALSTATUS CHANUNAVAIL
        assertThat(log.callLines())
                .endsWith(
                        "HangupRequest PJSIP/1001-00000001 Ringing 21",
                        "DialEnd PJSIP/1000-00000000 PJSIP/1001-00000001 Up Ringing NOANSWER",
                        "Newexten PJSIP/1000-00000000 Up Hangup",
                        "SoftHangupRequest PJSIP/1000-00000000 Up 16",
                        "Hangup PJSIP/1001-00000001 Ringing 21",
                        "Hangup PJSIP/1000-00000000 Up 21");
        assertThat(log.variables("PJSIP/1000-00000000")).contains("DIALSTATUS=CHANUNAVAIL");
        assertThat(log.events)
                .filteredOn(e -> e.eventName().equals("Hangup"))
                .allSatisfy(e -> assertThat(e.get("TechCause")).isEqualTo("603"));
    }

    @Test
    void anUnansweredCalleeTimesOutAfterTheRingTimeout() {
        pbx.mode("1001", PbxPort.AnswerMode.NO_ANSWER, Duration.ZERO);
        originate("1000", "1001");
        calls.answer("1000");
        clock.advance(Duration.ofSeconds(59));
        assertThat(log.callLines()).last().isEqualTo(DEST_RINGS.get(2));
        clock.advance(Duration.ofSeconds(1));
        assertThat(log.callLines())
                .endsWith(
                        "DialEnd PJSIP/1000-00000000 PJSIP/1001-00000001 Up Ringing NOANSWER",
                        "Newexten PJSIP/1000-00000000 Up Hangup",
                        "SoftHangupRequest PJSIP/1000-00000000 Up 16",
                        "Hangup PJSIP/1001-00000001 Ringing 0",
                        "Hangup PJSIP/1000-00000000 Up 16");
    }

    @Test
    void anUnregisteredSourceFailsWithReason0AndNoChannel() {
        pbx.unregister("1000");
        originate("1000", "1001");
        assertThat(log.lines()).containsExactly("OriginateResponse PJSIP/1000 Failure 0");
        assertThat(log.events.get(0).get("Uniqueid")).isEqualTo("<unknown>");
    }

    @Test
    void aSourceThatRejectsFailsTheOriginateWithReason0AndOneThatDoesNotAnswerWithReason3() {
        originate("1000", "1001");
        calls.decline("1000");
        assertThat(log.callLines())
                .endsWith(
                        "HangupRequest PJSIP/1000-00000000 Ringing 17",
                        "DialEnd PJSIP/1000-00000000 Ringing BUSY",
                        "OriginateResponse PJSIP/1000 Failure 0",
                        "Hangup PJSIP/1000-00000000 Ringing 17");
        originate("1000", "1001");
        clock.advance(Duration.ofSeconds(20));
        assertThat(log.callLines())
                .endsWith(
                        "DialEnd PJSIP/1000-00000001 Ringing NOANSWER",
                        "OriginateResponse PJSIP/1000 Failure 3",
                        "Hangup PJSIP/1000-00000001 Ringing 0");
        pbx.mode("1000", PbxPort.AnswerMode.BUSY, Duration.ZERO);
        originate("1000", "1001");
        assertThat(log.callLines())
                .endsWith(
                        "HangupRequest PJSIP/1000-00000002 Down 17",
                        "DialEnd PJSIP/1000-00000002 Down BUSY",
                        "OriginateResponse PJSIP/1000 Failure 0",
                        "Hangup PJSIP/1000-00000002 Down 17");
    }

    @Test
    void aCallerHangingUpWhileTheCalleeRingsCancelsTheDial() {
        calls.dial("1000", "1001");
        calls.hangup("1000");
        assertThat(pbx.log).first().isEqualTo("authenticated 1000");
        assertThat(log.callLines())
                .containsExactly(
                        "Newchannel PJSIP/1000-00000000 Ring",
                        "Newexten PJSIP/1000-00000000 Ring Dial",
                        "Newchannel PJSIP/1001-00000001 Down",
                        "Newexten PJSIP/1001-00000001 Down AppDial",
                        "NewConnectedLine PJSIP/1001-00000001 Down",
                        "DialBegin PJSIP/1000-00000000 PJSIP/1001-00000001 Ring Down",
                        "NewConnectedLine PJSIP/1000-00000000 Ring",
                        "Newstate PJSIP/1001-00000001 Ringing",
                        "DialState PJSIP/1000-00000000 PJSIP/1001-00000001 Ring Ringing RINGING",
                        "HangupRequest PJSIP/1000-00000000 Ring 16",
                        "DialEnd PJSIP/1000-00000000 PJSIP/1001-00000001 Ring Ringing CANCEL",
                        "Hangup PJSIP/1001-00000001 Ringing 16",
                        "Hangup PJSIP/1000-00000000 Ring 16");
        AmiMessage calleeLeg = log.events.stream()
                .filter(e -> "AppDial".equals(e.get("Application")))
                .findFirst()
                .orElseThrow();
        assertThat(calleeLeg.get("Channel")).isEqualTo("PJSIP/1001-00000001");
        assertThat(calleeLeg.get("CallerIDNum"))
                .as("the callee's leg keeps its own caller ID (40)")
                .isEqualTo("1001");
        assertThat(calleeLeg.get("CallerIDName")).isEqualTo("Phone 1001");
        assertThat(calleeLeg.get("ConnectedLineNum")).isEqualTo("1000");
    }

    @Test
    void thePresenceFeatureCodeSetsEachOfTheSixOptions() {
        for (int option = 1; option <= 6; option++) {
            calls.dial("1004", "*48");
            calls.dtmf("1004", Integer.toString(option));
        }
        assertThat(pbx.log)
                .filteredOn(l -> l.startsWith("presence"))
                .containsExactly(
                        "presence 1004 1",
                        "presence 1004 2",
                        "presence 1004 3",
                        "presence 1004 4",
                        "presence 1004 5",
                        "presence 1004 6");
        assertThat(calls.calls()).isEmpty();
    }

    @Test
    void phoneActionsWithoutACallAreConflictsAndUnknownExtensionsAreNotFound() {
        assertThatThrownBy(() -> calls.answer("1000"))
                .isInstanceOfSatisfying(
                        SimulatorException.class, e -> assertThat(e.kind()).isEqualTo(NOTHING_TO_ACT_ON));
        assertThatThrownBy(() -> calls.dtmf("1000", "1"))
                .isInstanceOfSatisfying(
                        SimulatorException.class, e -> assertThat(e.kind()).isEqualTo(NOTHING_TO_ACT_ON));
        assertThatThrownBy(() -> calls.hangup("4242"))
                .isInstanceOfSatisfying(
                        SimulatorException.class, e -> assertThat(e.kind()).isEqualTo(UNKNOWN_EXTENSION));
    }

    @Test
    void originateValidationUsesAsterisksTexts() {
        assertThat(error("Action", "Originate")).isEqualTo("Channel not specified");
        assertThat(error("Action", "Originate", "Channel", "PJSIP/1000", "Priority", "start"))
                .isEqualTo("Invalid priority");
        assertThat(error("Action", "Originate", "Channel", "PJSIP/1000", "Timeout", "soon"))
                .isEqualTo("Invalid timeout");
        assertThat(error("Action", "Originate", "Channel", "1000")).isEqualTo("Invalid channel");
        assertThat(error("Action", "Originate", "Channel", "PJSIP/1000", "Exten", "1001"))
                .isEqualTo("Originate with 'Exten' requires 'Context' and 'Priority'");
        assertThat(error(
                        "Action",
                        "Originate",
                        "Channel",
                        "PJSIP/1000",
                        "Exten",
                        "4444",
                        "Context",
                        "from-internal",
                        "Priority",
                        "1"))
                .isEqualTo("Extension does not exist.");
        assertThat(ami.originate(
                                AmiMessage.of(
                                        "Action",
                                        "Originate",
                                        "Channel",
                                        "PJSIP/1000",
                                        "Application",
                                        "System",
                                        "Data",
                                        "id"),
                                false)
                        .join()
                        .get(0)
                        .get("Message"))
                .isEqualTo("Originate Access Forbidden: app or data blacklisted");
    }

    private String error(String... headers) {
        AmiMessage response = ami.originate(AmiMessage.of(headers), true).join().get(0);
        assertThat(response.get("Response")).isEqualTo("Error");
        return response.get("Message");
    }

    @Test
    void callerIdIsParsedAsAsteriskDoes() {
        assertThat(CallerId.parse("Line1 text <Line2 text>")).isEqualTo(new CallerId("Line1 text", "Line2text"));
        assertThat(CallerId.parse("\"Barge 1000\" <1000>")).isEqualTo(new CallerId("Barge 1000", "1000"));
        assertThat(CallerId.parse("(555) 123-4567")).isEqualTo(new CallerId(null, "5551234567"));
        assertThat(CallerId.parse("Front Desk")).isEqualTo(new CallerId("Front Desk", null));
        // main/callerid.c: '-' survives only inside [ ], '.' only at the end; ( ) and spaces go everywhere
        assertThat(CallerId.shrink("Door.3 (B-2) [1-3 ].")).isEqualTo("Door3B2[1-3].");
        assertThat(CallerId.parse("Line1 text <Line2 text>").all()).isEqualTo("\"Line1 text\" <Line2text>");
    }
}
