package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import io.ucmkit.driver.DriverEvent.CallStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPhoneCorrelatorTest {

    private final DriverConfig config =
            DriverConfig.builder().address("pbx").username("u").password("p").build();
    private final ChannelTracker channels = new ChannelTracker(config, new NameBound());
    private final CallPhoneCorrelator calls =
            new CallPhoneCorrelator(Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC), channels);
    private final List<DriverEvent> out = new ArrayList<>();

    @Test
    void theFirstChannelDownAtTheSourceIsTheCallAndEveryLegLinkedToItBelongsToIt() {
        calls.expect("a1", "call-1", "1000", "1001");

        calls.newChannel("PJSIP/1000-00000001", ChannelState.RING, "9.1"); // the phone's own call, not ours
        calls.newChannel("PJSIP/1000-00000002", ChannelState.DOWN, "9.2");
        calls.newChannel("PJSIP/1000-00000003", ChannelState.DOWN, "9.3"); // taken: the call is bound

        assertThat(calls.callIdOf("9.1", "9.1")).isNull();
        assertThat(calls.callIdOf("9.2", "9.2")).isEqualTo("call-1");
        assertThat(calls.callIdOf("9.4", "9.2")).isEqualTo("call-1");
        assertThat(calls.callIdOf("9.3", "9.3")).isNull();
    }

    @Test
    void theOriginateResponseUniqueidConfirmsTheCallWithoutANewchannel() {
        calls.expect("a1", "call-1", "1000", "1001");

        calls.originateResponse(out, originateResponse("a1", "Success", "7.1", "0"));

        assertThat(out).isEmpty();
        assertThat(calls.callIdOf("7.1", null)).isEqualTo("call-1");
    }

    @Test
    void anOriginateFailureBeforeAnyChannelIsDeclinedAtTheSourceByItsReason() {
        calls.expect("a1", "call-1", "1000", "1001");

        calls.originateResponse(out, originateResponse("a1", "Failure", "<null>", "5"));

        assertThat(declined()).containsExactly(tuple("1000", "busy", "call-1"));
        calls.originateResponse(out, originateResponse("a1", "Failure", "<null>", "5"));
        assertThat(out).hasSize(1); // forgotten: once per call
    }

    @Test
    void aDialledLegThatDidNotAnswerIsDeclinedWhenItHangsUpByItsCauseElseItsDialStatus() {
        calls.expect("a1", "call-1", "1000", "1001");
        calls.newChannel("PJSIP/1000-00000001", ChannelState.DOWN, "1.1");
        assertThat(calls.answered("1000", "1.1", "1.1")).isEqualTo("call-1");
        calls.dialBegin("1.1");

        calls.notAnswered(dialEnd("1.1", "PJSIP/1001-00000002", "1.2"), "NOANSWER");
        calls.hangupRequest(
                AmiMessage.of("Event", "HangupRequest", "Uniqueid", "1.2", "Linkedid", "1.1", "Cause", "21"));
        assertThat(out).isEmpty(); // the leg has not hung up yet
        calls.legHungUp(out, hangup("1.2", "16"));

        // Cause 16 says nothing; the HangupRequest's 21 (a SIP 603) wins over the DialStatus NOANSWER.
        assertThat(declined()).containsExactly(tuple("1001", "rejected", "call-1"));
    }

    @Test
    void aLegOfAnotherClientsCallIsNeverDeclined() {
        calls.notAnswered(dialEnd("5.1", "PJSIP/1001-00000002", "5.2"), "BUSY");
        calls.legHungUp(out, hangup("5.2", "17"));

        assertThat(out).isEmpty();
    }

    @Test
    void aCallEndedWhileAwayIsDeclinedUnknownWhereItStood() {
        calls.expect("a1", "call-1", "1000", "1001");
        calls.newChannel("PJSIP/1000-00000001", ChannelState.DOWN, "1.1");
        calls.answered("1000", "1.1", "1.1");

        channels.replace(List.of()); // CoreShowChannels after the reconnect: nothing left
        calls.endedWhileAway(out);

        assertThat(declined()).containsExactly(tuple("1001", "unknown", "call-1"));
        assertThat(calls.callIdOf("1.1", "1.1")).isNull();
    }

    private List<org.assertj.core.groups.Tuple> declined() {
        return out.stream()
                .map(CallStatus.class::cast)
                .filter(c -> c.status() == CallStatus.Status.Declined)
                .map(c -> tuple(c.extension(), c.reason(), c.callId()))
                .toList();
    }

    private static AmiMessage originateResponse(String actionId, String response, String uniqueid, String reason) {
        return AmiMessage.of(
                "Event",
                "OriginateResponse",
                "ActionID",
                actionId,
                "Response",
                response,
                "Uniqueid",
                uniqueid,
                "Reason",
                reason);
    }

    private static AmiMessage dialEnd(String callerUniqueid, String destChannel, String destUniqueid) {
        return AmiMessage.of(
                "Event",
                "DialEnd",
                "Uniqueid",
                callerUniqueid,
                "Linkedid",
                callerUniqueid,
                "DestChannel",
                destChannel,
                "DestUniqueid",
                destUniqueid,
                "DestLinkedid",
                callerUniqueid);
    }

    private static AmiMessage hangup(String uniqueid, String cause) {
        return AmiMessage.of("Event", "Hangup", "Uniqueid", uniqueid, "Cause", cause);
    }
}
