package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.AmiDecodeFailure.Reason;
import io.ucmkit.ami.testing.AmiWire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of bad input becomes one failure value with a reason, the decoder resynchronises at
 * the next blank line, and the message after it decodes normally — at every split point
 * ({@link AmiWire#decodeAtEverySplit}).
 */
class MalformedInputTest {

    private static final String NEXT = "Response: Success\r\nActionID: next\r\nPing: Pong\r\n\r\n";

    private static List<AmiFrame> client(String text) {
        return AmiWire.decodeAtEverySplit(AmiDecoderConfig.client(), AmiWire.bytes(text));
    }

    private static List<AmiFrame> server(String text) {
        return AmiWire.decodeAtEverySplit(AmiDecoderConfig.server(), AmiWire.bytes(text));
    }

    private static AmiDecodeFailure failure(AmiFrame frame, Reason reason) {
        assertThat(frame).isInstanceOf(AmiDecodeFailure.class);
        AmiDecodeFailure failure = (AmiDecodeFailure) frame;
        assertThat(failure.reason()).isEqualTo(reason);
        return failure;
    }

    private static void assertResynchronised(List<AmiFrame> frames) {
        assertThat(frames).last().isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "next", "Ping", "Pong"));
    }

    @Test
    void a_line_without_colon_fails_the_message_and_keeps_the_other_headers() {
        List<AmiFrame> frames = client("Response: Success\r\nthis line has no colon\r\nActionID: a-1\r\n\r\n" + NEXT);

        AmiDecodeFailure failure = failure(frames.get(0), Reason.LINE_WITHOUT_COLON);
        assertThat(failure.detail()).contains("this line has no colon");
        assertThat(failure.partial()).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "a-1"));
        assertResynchronised(frames);
        assertThat(frames).hasSize(2);
    }

    @Test
    void a_line_starting_with_a_colon_has_no_name_and_fails() {
        List<AmiFrame> frames = client(": value\r\n\r\n" + NEXT);

        failure(frames.get(0), Reason.LINE_WITHOUT_COLON);
        assertResynchronised(frames);
    }

    @Test
    void a_too_long_line_is_discarded_and_the_client_resynchronises_at_the_blank_line() {
        AmiDecoderConfig config = AmiDecoderConfig.client().withMaxLineLength(64);
        String longLine = "Output: " + "x".repeat(200) + "\r\n";
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                config,
                AmiWire.bytes("Response: Success\r\nActionID: long-1\r\n" + longLine + "Output: after\r\n\r\n" + NEXT));

        AmiDecodeFailure failure = failure(frames.get(0), Reason.LINE_TOO_LONG);
        assertThat(failure.detail()).contains("64 bytes");
        assertThat(failure.partial().actionId()).isEqualTo("long-1");
        assertThat(failure.partial().get("Output")).isEqualTo("after");
        assertResynchronised(frames);
    }

    @Test
    void a_line_that_never_ends_never_buffers_more_than_the_line_limit() {
        AmiDecoder decoder = new AmiDecoder(AmiDecoderConfig.client().withMaxLineLength(1024));
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        byte[] chunk = "y".repeat(700).getBytes(StandardCharsets.US_ASCII);

        channel.writeInbound(Unpooled.copiedBuffer("Response: Success\r\nOutput: ", StandardCharsets.US_ASCII));
        for (int i = 0; i < 2_000; i++) {
            channel.writeInbound(Unpooled.copiedBuffer(chunk));
            assertThat(decoder.bufferedBytes()).isLessThan(1024);
        }
        channel.writeInbound(Unpooled.copiedBuffer("\r\n\r\n" + NEXT, StandardCharsets.US_ASCII));

        failure(channel.readInbound(), Reason.LINE_TOO_LONG);
        assertThat((AmiFrame) channel.readInbound())
                .isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "next", "Ping", "Pong"));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void the_server_profile_accepts_a_1022_character_line_as_asterisk_does() {
        List<AmiFrame> frames = server("Action: Ping\r\nX-Pad: " + "a".repeat(1022 - 7) + "\r\n\r\n");

        assertThat(frames).singleElement().isInstanceOf(AmiMessage.class);
    }

    @Test
    void the_server_profile_rejects_a_1023_character_line_and_sees_an_empty_message_after_it_as_asterisk_does() {
        List<AmiFrame> frames =
                server("Action: Ping\r\nActionID: len-1023\r\nX-Pad: " + "b".repeat(1023 - 7) + "\r\n\r\n");

        // transcript 21: "line too long" with the ActionID, then "Missing action in request"
        assertThat(failure(frames.get(0), Reason.LINE_TOO_LONG).partial().actionId())
                .isEqualTo("len-1023");
        assertThat(frames.get(1)).isEqualTo(AmiMessage.empty());
        assertThat(frames).hasSize(2);
    }

    @Test
    void the_server_profile_rejects_a_2000_character_line_with_one_failure() {
        List<AmiFrame> frames = server("Action: Ping\r\nActionID: len-2000\r\nX-Pad: " + "c".repeat(2000) + "\r\n\r\n"
                + "Action: Ping\r\n\r\n");

        assertThat(failure(frames.get(0), Reason.LINE_TOO_LONG).partial().actionId())
                .isEqualTo("len-2000");
        assertThat(frames.get(1)).isEqualTo(AmiMessage.of("Action", "Ping"));
        assertThat(frames).hasSize(2);
    }

    @ParameterizedTest(name = "profile {0}")
    @ValueSource(strings = {"CLIENT", "SERVER"})
    void too_many_headers_fail_the_message_with_the_first_ones_kept(String profile) {
        AmiDecoderConfig config = new AmiDecoderConfig(AmiDecoderConfig.Profile.valueOf(profile), 1024, 4, 100_000);
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(
                config,
                AmiWire.bytes("A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\nF: 6\r\n\r\n"
                        + "Response: Success\r\nActionID: next\r\nPing: Pong\r\n\r\n"));

        AmiDecodeFailure failure = failure(frames.get(0), Reason.TOO_MANY_HEADERS);
        assertThat(failure.partial()).isEqualTo(AmiMessage.of("A", "1", "B", "2", "C", "3", "D", "4"));
        assertThat(failure.detail()).contains("more than 4 headers");
        assertResynchronised(frames);
    }

    @Test
    void the_server_profile_allows_128_headers_as_asterisk_does() {
        StringBuilder message = new StringBuilder("Action: UserEvent\r\n");
        for (int i = 1; i < 128; i++) {
            message.append("H").append(i).append(": v\r\n");
        }
        assertThat(server(message + "\r\n")).singleElement().isInstanceOf(AmiMessage.class);
        assertThat(server(message + "H128: v\r\n\r\n"))
                .singleElement()
                .satisfies(frame -> failure(frame, Reason.TOO_MANY_HEADERS));
    }

    @Test
    void a_nul_byte_discards_its_line_and_fails_the_message() {
        List<AmiFrame> frames = client("Response: Success\r\nActionID: n\0ul\r\nMessage: ok\r\n\r\n" + NEXT);

        AmiDecodeFailure failure = failure(frames.get(0), Reason.NUL_BYTE);
        assertThat(failure.partial()).isEqualTo(AmiMessage.of("Response", "Success", "Message", "ok"));
        assertResynchronised(frames);
    }

    @Test
    void invalid_utf8_discards_the_header_and_fails_the_message() {
        byte[] bad = AmiWire.bytes("Event: Newchannel\r\nCallerIDName: J\u00fcrgen\r\n\r\n" + NEXT);
        int umlaut = new String(bad, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        bad[umlaut + 1] = (byte) 0x28; // 0xC3 0x28 is not UTF-8

        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(AmiDecoderConfig.client(), bad);

        AmiDecodeFailure failure = failure(frames.get(0), Reason.INVALID_UTF8);
        assertThat(failure.partial()).isEqualTo(AmiMessage.of("Event", "Newchannel"));
        assertResynchronised(frames);
    }

    @Test
    void valid_utf8_names_and_values_are_decoded() {
        List<AmiFrame> frames = client(
                "Event: Newchannel\r\nCallerIDName: J\u00fcrgen M\u00fcller \u6771\u4eac\r\nN\u00e4me: x\r\n\r\n");

        AmiMessage event = (AmiMessage) frames.get(0);
        assertThat(event.get("CallerIDName")).isEqualTo("J\u00fcrgen M\u00fcller \u6771\u4eac");
        assertThat(event.get("N\u00e4me")).isEqualTo("x");
    }

    @Test
    void a_message_that_never_ends_is_reported_at_the_limit_and_skipped_to_the_next_blank_line() {
        AmiDecoderConfig config =
                AmiDecoderConfig.client().withMaxLineLength(128).withMaxMessageBytes(256);
        StringBuilder endless = new StringBuilder("Event: Flood\r\n");
        for (int i = 0; i < 100; i++) {
            endless.append("Line: ").append(i).append("\r\n");
        }
        endless.append("Long: ").append("z".repeat(300)).append("\r\n"); // over the line limit while skipping
        List<AmiFrame> frames = AmiWire.decodeAtEverySplit(config, AmiWire.bytes(endless + "\r\n" + NEXT));

        AmiDecodeFailure failure = failure(frames.get(0), Reason.MESSAGE_TOO_LARGE);
        assertThat(failure.partial().eventName()).isEqualTo("Flood");
        assertThat(failure.detail()).contains("256 bytes");
        assertResynchronised(frames);
        assertThat(frames).hasSize(2);
    }

    @Test
    void a_connection_closed_mid_message_reports_the_truncated_message() {
        List<AmiFrame> frames = client(NEXT + "Event: Hangup\r\nChannel: PJSIP/1000-0000\r\nCau");

        assertThat(frames.get(0)).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "next", "Ping", "Pong"));
        AmiDecodeFailure failure = failure(frames.get(1), Reason.TRUNCATED);
        assertThat(failure.partial()).isEqualTo(AmiMessage.of("Event", "Hangup", "Channel", "PJSIP/1000-0000"));
        assertThat(failure.detail()).contains("3 bytes");
    }

    @Test
    void a_connection_closed_between_messages_reports_nothing() {
        assertThat(client(NEXT)).hasSize(1);
    }

    @Test
    void bare_lf_line_ends_are_accepted_in_both_profiles() {
        assertThat(client("Response: Success\nActionID: lf\r\n\n"))
                .containsExactly(AmiMessage.of("Response", "Success", "ActionID", "lf"));
        assertThat(server("action:ping\nactionid:lf-only-3\n\n"))
                .containsExactly(AmiMessage.of("action", "ping", "actionid", "lf-only-3"));
    }

    @Test
    void extra_blank_lines_are_skipped_by_a_client_and_reported_as_empty_messages_by_a_server() {
        assertThat(client("\r\n\r\n" + NEXT + "\r\n")).hasSize(1);
        assertThat(server("\r\nAction: Ping\r\n\r\n\r\n"))
                .containsExactly(AmiMessage.empty(), AmiMessage.of("Action", "Ping"), AmiMessage.empty());
    }

    @Test
    void the_server_profile_skips_every_blank_after_the_colon_and_the_client_only_one() {
        assertThat(server("Action:   \tPing  \r\n\r\n")).containsExactly(AmiMessage.of("Action", "Ping  "));
        assertThat(client("Response:  Success\r\n\r\n")).containsExactly(AmiMessage.of("Response", " Success"));
    }

    @Test
    void a_banner_of_any_version_is_a_frame_of_its_own() {
        assertThat(client("Asterisk Call Manager/2.10.6\r\n" + NEXT))
                .first()
                .isEqualTo(new AmiBanner("Asterisk Call Manager/2.10.6"));
        assertThat(client("Asterisk Call Manager/42.0.0\r\n"))
                .containsExactly(new AmiBanner("Asterisk Call Manager/42.0.0"));
        assertThat(((AmiBanner) client("Asterisk Call Manager/9.0.0\r\n").get(0)).version())
                .isEqualTo("9.0.0");
    }

    @Test
    void the_server_profile_never_takes_a_line_for_a_banner() {
        failure(server("Asterisk Call Manager/9.0.0\r\n\r\n").get(0), Reason.LINE_WITHOUT_COLON);
    }
}
