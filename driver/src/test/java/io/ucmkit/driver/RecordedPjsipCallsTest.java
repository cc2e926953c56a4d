package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.driver.DriverEvent.CallStatus;
import io.ucmkit.driver.DriverEvent.IvrResponse;
import io.ucmkit.driver.DriverEvent.Presence;
import io.ucmkit.driver.TranscriptEvents.Originate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's events for the calls recorded on Asterisk 20 with PJSIP phones (transcripts 40-46), fed through the
 * translator as the driver feeds it (responses go past it), each Call Phone registered before its Originate with
 * the recording's ActionID. Each Call Phone call is also replayed with its OriginateResponse moved
 * before the source leg's DialEnd and after the call's last Hangup: a real PBX sends it in either place, and the
 * Call Status must not depend on which.
 */
class RecordedPjsipCallsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z");

    // The default IVR numbers (7000-7100) include the recording PBX's IVR 7000 (transcript 44).
    private final DriverConfig config =
            DriverConfig.builder().address("pbx").username("u").password("p").build();
    private final EventTranslator translator = new EventTranslator(config, Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Arguments> recordings() {
        return Stream.of(
                Arguments.of(
                        "40_pjsip_call_phone_answered",
                        "40_pjsip_call_phone_answered",
                        List.of(accepted("1000", "orig-40"), accepted("1001", "orig-40"))),
                // The limited user (read=call) sees the same call without the dialplan events.
                Arguments.of(
                        "40b_pjsip_call_phone_answered_limited",
                        "40_pjsip_call_phone_answered",
                        List.of(accepted("1000", "orig-40"), accepted("1001", "orig-40"))),
                Arguments.of(
                        "41_pjsip_call_phone_declined",
                        "41_pjsip_call_phone_declined",
                        List.of(accepted("1000", "orig-41"), declined("1001", "busy", "orig-41"))),
                Arguments.of(
                        "42_pjsip_call_phone_busy_noanswer_unregistered",
                        "42_pjsip_call_phone_busy_noanswer_unregistered",
                        List.of(
                                accepted("1000", "orig-42a"),
                                declined("1006", "busy", "orig-42a"),
                                accepted("1000", "orig-42b"),
                                declined("1001", "no-answer", "orig-42b"),
                                accepted("1000", "orig-42c"),
                                declined("1009", "unavailable", "orig-42c"),
                                declined("1009", "unavailable", "orig-42d"))),
                Arguments.of(
                        "43_pjsip_source_declines",
                        "43_pjsip_source_declines",
                        List.of(declined("1000", "busy", "orig-43"))),
                Arguments.of(
                        "44_pjsip_ivr_digits",
                        "44_pjsip_ivr_digits",
                        List.of(new IvrResponse("1004", "1", null, NOW), new IvrResponse("1004", "2", null, NOW))),
                // The Barge's spyer answering is Accepted without a call id; 1000 and 1001 are the Call Phone call.
                Arguments.of(
                        "45_pjsip_chanspy_barge",
                        "45_pjsip_chanspy_barge",
                        List.of(
                                accepted("1000", "orig-45"),
                                accepted("1001", "orig-45"),
                                new CallStatus("1002", CallStatus.Status.Accepted, null, null, NOW))),
                // *561001 dialled by 1002 is its own call going Up (no Accepted); *48 5 and *48 2 are presence.
                Arguments.of(
                        "46_pjsip_feature_code_barge_and_presence",
                        "46_pjsip_feature_code_barge_and_presence",
                        List.of(
                                accepted("1000", "orig-46"),
                                accepted("1001", "orig-46"),
                                new Presence("1003", "dnd", "", NOW),
                                new Presence("1003", "available", "", NOW))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void theRecordedCallGivesExactlyTheseDriverEvents(
            String transcript, String originatedIn, List<DriverEvent> expected) {
        List<Originate> callPhones = callPhones(originatedIn);

        assertThat(feed(callPhones, TranscriptEvents.messages(transcript))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void theOriginateResponseBeforeTheSourceDialEndGivesTheSameEvents(
            String transcript, String originatedIn, List<DriverEvent> expected) {
        List<Originate> callPhones = callPhones(originatedIn);
        List<AmiMessage> messages = TranscriptEvents.messages(transcript);
        for (Originate o : callPhones) {
            messages = moveOriginateResponse(messages, o, true);
        }

        assertThat(feed(callPhones, messages)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void theOriginateResponseAfterTheCallsLastHangupGivesTheSameEvents(
            String transcript, String originatedIn, List<DriverEvent> expected) {
        List<Originate> callPhones = callPhones(originatedIn);
        List<AmiMessage> messages = TranscriptEvents.messages(transcript);
        for (Originate o : callPhones) {
            messages = moveOriginateResponse(messages, o, false);
        }

        assertThat(feed(callPhones, messages)).containsExactlyElementsOf(expected);
    }

    /**
     * baresip can only reject with 486, so no recording has a 603. What Asterisk sends for one, from its source:
     * chan_pjsip's {@code hangup_sip2cause} gives cause 21 (Call Rejected) where 486 gives 17 — on the
     * HangupRequest and the Hangup, the caller's too (app_dial copies the callee's cause) — and
     * {@code ast_hangup_cause_to_dial_status} makes the DialEnd NOANSWER for 21 where it is BUSY for 17. So 41 and
     * 43 with those three changes are the same calls rejected with 603.
     */
    private static List<AmiMessage> as603(List<AmiMessage> recorded) {
        return recorded.stream()
                .map(m -> {
                    if ("17".equals(m.get("Cause"))) {
                        return m.toBuilder()
                                .set("Cause", "21")
                                .set("Cause-txt", "Call Rejected")
                                .build();
                    }
                    if ("DialEnd".equals(m.eventName()) && "BUSY".equals(m.get("DialStatus"))) {
                        return m.toBuilder().set("DialStatus", "NOANSWER").build();
                    }
                    return m;
                })
                .toList();
    }

    @Test
    void aDestinationRejectingWith603IsDeclinedRejectedThoughItsDialStatusIsNoAnswer() {
        String transcript = "41_pjsip_call_phone_declined";

        assertThat(feed(callPhones(transcript), as603(TranscriptEvents.messages(transcript))))
                .containsExactly(accepted("1000", "orig-41"), declined("1001", "rejected", "orig-41"));
    }

    @ParameterizedTest(name = "OriginateResponse before the source DialEnd: {0}")
    @ValueSource(booleans = {true, false})
    void aSourceRejectingWith603IsDeclinedRejectedWhereverTheOriginateResponseComes(boolean beforeDialEnd) {
        String transcript = "43_pjsip_source_declines";
        List<Originate> callPhones = callPhones(transcript);
        List<AmiMessage> messages =
                moveOriginateResponse(as603(TranscriptEvents.messages(transcript)), callPhones.get(0), beforeDialEnd);

        assertThat(feed(callPhones, messages)).containsExactly(declined("1000", "rejected", "orig-43"));
    }

    private static CallStatus accepted(String extension, String actionId) {
        return new CallStatus(extension, CallStatus.Status.Accepted, null, callId(actionId), NOW);
    }

    private static CallStatus declined(String extension, String reason, String actionId) {
        return new CallStatus(extension, CallStatus.Status.Declined, reason, callId(actionId), NOW);
    }

    private static String callId(String actionId) {
        return "call-" + actionId;
    }

    /** The Originates that are Call Phone calls (an Exten to dial, not an Application such as the Barge's ChanSpy). */
    private static List<Originate> callPhones(String transcript) {
        return TranscriptEvents.originates(transcript).stream()
                .filter(o -> o.exten() != null)
                .toList();
    }

    /**
     * The Call Status, IVR Response and Presence events (ExtensionState is left out: it follows the hints, not the
     * calls). Feeds the events as the driver does, responses going past the translator; each Call Phone call is
     * registered as {@code UcmDriver.callPhone} registers it, before its Originate is written: here, at the
     * Originate's response (every event of the call comes after it), or before the first event when the recording
     * has no response (40b: the limited user sees the call of another session).
     */
    private List<DriverEvent> feed(List<Originate> callPhones, List<AmiMessage> messages) {
        List<String> answered = messages.stream()
                .filter(AmiMessage::isResponse)
                .map(AmiMessage::actionId)
                .toList();
        callPhones.stream().filter(o -> !answered.contains(o.actionId())).forEach(this::expect);
        List<DriverEvent> out = new ArrayList<>();
        for (AmiMessage m : messages) {
            if (m.isResponse()) {
                callPhones.stream()
                        .filter(o -> o.actionId().equals(m.actionId()))
                        .forEach(this::expect);
                continue;
            }
            translator.translate(m).stream()
                    .filter(e -> !(e instanceof DriverEvent.ExtensionState))
                    .forEach(out::add);
        }
        return out;
    }

    private void expect(Originate o) {
        translator.expectCallPhone(o.actionId(), callId(o.actionId()), Channels.extension(o.channel()), o.exten());
    }

    /** The originated leg of a Call Phone call: the last Down Newchannel of its dial string before its response. */
    private static AmiMessage sourceLegOf(List<AmiMessage> messages, Originate o) {
        AmiMessage leg = null;
        for (AmiMessage m : messages) {
            if ("OriginateResponse".equals(m.eventName()) && o.actionId().equals(m.actionId())) {
                return leg;
            }
            if ("Newchannel".equals(m.eventName())
                    && m.get("Channel", "").startsWith(o.channel() + "-")
                    && "0".equals(m.get("ChannelState"))) {
                leg = m;
            }
        }
        return null;
    }

    /**
     * The messages with the call's OriginateResponse moved right before the source leg's DialEnd, or right after
     * the last Hangup of the call's channels; unchanged for a call without a source leg.
     */
    private static List<AmiMessage> moveOriginateResponse(
            List<AmiMessage> messages, Originate o, boolean beforeDialEnd) {
        AmiMessage leg = sourceLegOf(messages, o);
        if (leg == null) {
            return messages;
        }
        String uniqueid = leg.get("Uniqueid");
        List<AmiMessage> moved = new ArrayList<>(messages);
        AmiMessage response = moved.stream()
                .filter(m -> "OriginateResponse".equals(m.eventName())
                        && o.actionId().equals(m.actionId()))
                .findFirst()
                .orElseThrow();
        moved.remove(response);
        int at = -1;
        for (int i = 0; i < moved.size(); i++) {
            AmiMessage m = moved.get(i);
            if (beforeDialEnd && "DialEnd".equals(m.eventName()) && uniqueid.equals(m.get("DestUniqueid"))) {
                at = i;
                break;
            }
            if (!beforeDialEnd && "Hangup".equals(m.eventName()) && uniqueid.equals(m.get("Linkedid"))) {
                at = i + 1;
            }
        }
        assertThat(at).as("where to move %s's OriginateResponse", o.actionId()).isNotNegative();
        moved.add(at, response);
        return moved;
    }
}
