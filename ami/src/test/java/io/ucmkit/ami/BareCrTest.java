package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.ami.testing.AmiWire;
import io.ucmkit.ami.testing.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bare CR (0x0D not followed by LF) as Asterisk treats it: lines end only at LF, any other CR
 * stays inside the line, in names and values (transcript 31). Both profiles decode such lines,
 * the messages they give can be read through every accessor, and the encoder writes the CR back
 * verbatim, as the simulator must to echo it.
 */
class BareCrTest {

    private static final String NEXT = "Response: Success\r\nActionID: next\r\nPing: Pong\r\n\r\n";

    @Test
    void the_client_profile_keeps_a_bare_cr_in_names_and_values_and_its_headers_can_be_read() {
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                AmiDecoderConfig.client(),
                AmiWire.bytes("Event: User\rEvent\r\nTe\rxt: line one\rline two\r\nEnd: cr\r\r\n\r\n" + NEXT));

        AmiMessage event = (AmiMessage) frames.get(0);
        assertThat(event.headers())
                .containsExactly(
                        new AmiHeader("Event", "User\rEvent"),
                        new AmiHeader("Te\rxt", "line one\rline two"),
                        new AmiHeader("End", "cr\r"));
        assertThat(event.toString()).contains("line one\rline two");
        assertThat(frames.get(1)).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "next", "Ping", "Pong"));
    }

    @Test
    void the_partial_message_of_a_failure_with_a_bare_cr_can_be_read() {
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                AmiDecoderConfig.client(),
                AmiWire.bytes("Response: Error\r\nMessage: a\rb\r\nno colon here\r\n\r\n" + NEXT));

        AmiDecodeFailure failure = (AmiDecodeFailure) frames.get(0);
        assertThat(failure.reason()).isEqualTo(AmiDecodeFailure.Reason.LINE_WITHOUT_COLON);
        assertThat(failure.partial().headers()).extracting(AmiHeader::value).containsExactly("Error", "a\rb");
        assertThat(failure.toString()).contains("a\rb");
    }

    @Test
    void a_banner_line_with_a_bare_cr_is_a_banner_and_decoding_goes_on() {
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                AmiDecoderConfig.client(), AmiWire.bytes("Asterisk Call Manager/9.0.0\rX\r\n" + NEXT));

        assertThat(frames)
                .containsExactly(
                        new AmiBanner("Asterisk Call Manager/9.0.0\rX"),
                        AmiMessage.of("Response", "Success", "ActionID", "next", "Ping", "Pong"));
        assertThat(((AmiBanner) frames.get(0)).version()).isEqualTo("9.0.0\rX");
    }

    @Test
    void the_server_profile_reads_the_four_requests_of_transcript_31_as_asterisk_did() {
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                AmiDecoderConfig.server(),
                AmiWire.bytes("Action: Ping\rX: y\r\nActionID: cr-1\r\n\r\n"
                        + "Action:\r Ping\r\nActionID: cr-2\r\n\r\n"
                        + "\rAction: Ping\r\nActionID: cr-3\r\n\r\n"
                        + "Act\rion: Ping\r\nActionID: cr-4\r\n\r\n"));

        assertThat(frames)
                .containsExactly(
                        // the CR is inside the value: Asterisk answered "Invalid/unknown command: Ping\rX: y"
                        AmiMessage.of("Action", "Ping\rX: y", "ActionID", "cr-1"),
                        // every byte below 33 after the colon is a blank to Asterisk: this is a Ping
                        AmiMessage.of("Action", "Ping", "ActionID", "cr-2"),
                        // the CR is part of the name: no Action header, "Missing action in request"
                        AmiMessage.of("\rAction", "Ping", "ActionID", "cr-3"),
                        AmiMessage.of("Act\rion", "Ping", "ActionID", "cr-4"));
        assertThat(((AmiMessage) frames.get(0)).action()).isEqualTo("Ping\rX: y");
        assertThat(((AmiMessage) frames.get(1)).action()).isEqualTo("Ping");
        assertThat(((AmiMessage) frames.get(2)).action()).isNull();
        assertThat(((AmiMessage) frames.get(3)).action()).isNull();
    }

    @Test
    void transcript_31_decodes_without_failure_and_round_trips_byte_for_byte() {
        Transcript transcript = Transcript.load("31_bare_cr_in_request");
        List<AmiFrame> frames = AmiWire.decode(AmiDecoderConfig.client(), transcript.serverToClient());

        assertThat(frames).noneMatch(AmiDecodeFailure.class::isInstance);
        assertThat(frames)
                .filteredOn(AmiMessage.class::isInstance)
                .map(f -> ((AmiMessage) f).get("RequestType"))
                .filteredOn(type -> type != null)
                .containsExactly("Action: Ping\rX: y", "Action: NONE", "Action: NONE");
        assertThat(AmiWire.encode(frames)).isEqualTo(transcript.serverToClient());
    }

    @Test
    void the_encoder_writes_a_bare_cr_verbatim() {
        AmiMessage error = AmiMessage.of(
                "Response",
                "Error",
                "ActionID",
                "cr-1",
                "Message",
                "Invalid/unknown command: Ping\rX: y. Use Action: ListCommands to show available commands.");

        assertThat(new String(AmiWire.encode(List.of(error)), StandardCharsets.US_ASCII))
                .isEqualTo("Response: Error\r\n"
                        + "ActionID: cr-1\r\nMessage: Invalid/unknown command: Ping\rX: y. Use Action: ListCommands to show"
                        + " available commands.\r\n\r\n");
        assertThat(AmiWire.decodeClient(new String(AmiWire.encode(List.of(error)), StandardCharsets.US_ASCII)))
                .containsExactly(error);
    }

    @Test
    void a_cr_at_the_end_of_a_value_is_written_and_read_back() {
        AmiMessage message = AmiMessage.of("Text", "ends in CR\r", "Next", "x");

        byte[] bytes = AmiWire.encode(List.of(message));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("Text: ends in CR\r\r\nNext: x\r\n\r\n");
        assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes)).containsExactly(message);
    }

    @Test
    void only_what_would_end_the_line_is_refused() {
        assertThatThrownBy(() -> AmiMessage.of("Action", "Ping\nAction: Originate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LF or NUL");
        assertThatThrownBy(() -> AmiMessage.of("Action", "Ping\r\nAction: Originate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LF or NUL");
        assertThatThrownBy(() -> AmiMessage.of("Action", "Ping\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmiMessage.of("Act\nion", "Ping")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmiBanner("Asterisk Call Manager/9.0.0\r\nX"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmiBanner("Asterisk\0")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AmiMessage.of("Act\rion", "Ping\rPong").headers()).hasSize(1);
    }
}
