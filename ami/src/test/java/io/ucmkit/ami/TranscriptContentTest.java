package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiWire;
import io.ucmkit.ami.testing.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decoder makes of the transcripts' surprises (transcripts/README.md). */
class TranscriptContentTest {

    private static List<AmiMessage> messages(String transcript) {
        return AmiWire.decode(
                        AmiDecoderConfig.client(), Transcript.load(transcript).serverToClient())
                .stream()
                .filter(AmiMessage.class::isInstance)
                .map(AmiMessage.class::cast)
                .toList();
    }

    private static AmiMessage first(List<AmiMessage> messages, String header, String value) {
        return messages.stream()
                .filter(m -> value.equals(m.get(header)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void presence_state_reply_keeps_both_message_headers_in_order() {
        AmiMessage reply = first(messages("14_presencestate_action"), "State", "dnd");

        assertThat(reply.getAll("Message")).containsExactly("Presence State", "In a meeting");
        assertThat(reply.get("message")).isEqualTo("Presence State");
        assertThat(reply.headers())
                .extracting(AmiHeader::name)
                .containsExactly("Response", "ActionID", "Message", "State", "Message", "PresenceMessage");
    }

    @Test
    void command_output_of_asterisk_20_is_one_output_header_per_line_with_empty_lines_kept() {
        List<AmiMessage> replies = messages("18_command_core_show_version");
        AmiMessage version = first(replies, "ActionID", "cmd-1");
        AmiMessage hints = first(replies, "ActionID", "cmd-2");
        AmiMessage unknown = first(replies, "ActionID", "cmd-3");

        assertThat(version.response()).isEqualTo("Success");
        assertThat(version.get("Output")).startsWith("Asterisk 20.20.1 built by");
        assertThat(hints.getAll("Output")).first().isEqualTo("");
        assertThat(hints.getAll("Output")).last().isEqualTo("- 3 hints registered");
        assertThat(unknown.response()).isEqualTo("Error");
        assertThat(unknown.get("Message")).isEqualTo("Command output follows");
        assertThat(version.followsBody()).isNull();
    }

    @Test
    void newchannel_event_keeps_header_order_and_empty_values() {
        AmiMessage newchannel = first(messages("09_originate_dtmf"), "Event", "Newchannel");

        assertThat(newchannel.isEvent()).isTrue();
        assertThat(newchannel.eventName()).isEqualTo("Newchannel");
        assertThat(newchannel.headers())
                .extracting(AmiHeader::name)
                .containsExactly(
                        "Event",
                        "Privilege",
                        "Channel",
                        "ChannelState",
                        "ChannelStateDesc",
                        "CallerIDNum",
                        "CallerIDName",
                        "ConnectedLineNum",
                        "ConnectedLineName",
                        "Language",
                        "AccountCode",
                        "Context",
                        "Exten",
                        "Priority",
                        "Uniqueid",
                        "Linkedid");
        assertThat(newchannel.get("AccountCode")).isEmpty();
        assertThat(newchannel.get("CallerIDNum")).isEqualTo("<unknown>");
    }

    @Test
    void originate_response_is_an_event_even_though_it_has_a_response_header() {
        AmiMessage originate = first(messages("09_originate_dtmf"), "Event", "OriginateResponse");

        assertThat(originate.isEvent()).isTrue();
        assertThat(originate.isResponse()).isFalse();
        assertThat(originate.get("Response")).isEqualTo("Success");
        assertThat(originate.get("CallerIDName")).isEqualTo("Line1 text");
        assertThat(originate.get("CallerIDNum")).isEqualTo("Line2text");
    }

    @Test
    void values_are_split_on_the_first_colon_only() {
        AmiMessage userEvent = first(messages("24_misc_actions"), "Event", "UserEvent");

        assertThat(userEvent.get("Header2")).isEqualTo("Value: with colon");
    }

    @Test
    void line_too_long_reply_and_the_second_missing_action_error_are_two_messages() {
        List<AmiMessage> replies = messages("21_line_over_1024");
        AmiMessage tooLong = first(replies, "Message", "Failed to parse message: line too long");

        assertThat(tooLong.actionId()).isEqualTo("len-1023");
        assertThat(replies.get(replies.indexOf(tooLong) + 1).get("Message")).isEqualTo("Missing action in request");
        assertThat(replies)
                .filteredOn(m -> "Failed to parse message: line too long".equals(m.get("Message")))
                .extracting(AmiMessage::actionId)
                .containsExactly("len-1023", "len-2000", "after-long");
    }

    @Test
    void status_list_keeps_repeated_variable_headers_and_puts_action_id_last() {
        AmiMessage status = messages("20_status").stream()
                .filter(m ->
                        "Status".equals(m.eventName()) && !m.getAll("Variable").isEmpty())
                .findFirst()
                .orElseThrow();

        assertThat(status.getAll("Variable")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(status.name(status.size() - 1)).isEqualTo("ActionID");
        assertThat(status.get("Privilege")).isEqualTo("Call");
    }

    @Test
    void list_responses_start_and_complete() {
        List<AmiMessage> replies = messages("12_extensionstatelist");
        AmiMessage start = replies.stream()
                .filter(m -> "start".equals(m.get("EventList")))
                .findFirst()
                .orElseThrow();
        AmiMessage complete = replies.stream()
                .filter(m -> "Complete".equals(m.get("EventList")))
                .findFirst()
                .orElseThrow();

        assertThat(start.isResponse()).isTrue();
        assertThat(complete.eventName()).isEqualTo("ExtensionStateListComplete");
        assertThat(complete.get("ListItems"))
                .isEqualTo(String.valueOf(replies.stream()
                        .filter(m -> "ExtensionStatus".equals(m.eventName())
                                && start.actionId().equals(m.actionId()))
                        .count()));
    }

    @Test
    void lenient_client_bytes_of_transcript_07_are_read_as_asterisk_reads_them() {
        List<AmiFrame> frames = AmiWire.decode(
                AmiDecoderConfig.server(),
                Transcript.load("07_garbage_line_without_colon").clientToServer());

        AmiMessage lowerCase = frames.stream()
                .filter(AmiMessage.class::isInstance)
                .map(AmiMessage.class::cast)
                .filter(m -> "lf-only-3".equals(m.get("ACTIONID")))
                .findFirst()
                .orElseThrow();
        assertThat(lowerCase.action()).isEqualTo("ping");
        AmiDecodeFailure pingWithGarbage = frames.stream()
                .filter(AmiDecodeFailure.class::isInstance)
                .map(AmiDecodeFailure.class::cast)
                .filter(f -> "garb-2".equals(f.partial().actionId()))
                .findFirst()
                .orElseThrow();
        assertThat(pingWithGarbage.partial().action()).isEqualTo("Ping");
        // the bare CRLF of part (d) is a message of its own: Asterisk answers it with "Missing action"
        assertThat(frames).contains(AmiMessage.empty());
    }
}
