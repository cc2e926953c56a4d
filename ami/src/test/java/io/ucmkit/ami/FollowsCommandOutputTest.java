package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiDecodeFailure.Reason;
import io.ucmkit.ami.testing.AmiWire;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asterisk ≤13 Command output: {@code Response: Follows} … {@code --END COMMAND--} (docs/ami.md §1.6).
 * Every input is decoded at every split point ({@link AmiWire#decodeAtEverySplit}).
 */
class FollowsCommandOutputTest {

    private static final String CORE_SHOW_VERSION_13 = "Response: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n"
            + "Asterisk 13.38.3 built by root @ ucm on a armv7l running Linux\n--END COMMAND--\r\n\r\n";

    private static final String MULTI_LINE = "Response: Follows\r\nPrivilege: Command\r\n"
            + "Channel              Location             State   Application(Data)\n"
            + "\n"
            + "Uptime: 1 day, 2 hours\n"
            + "0 active channels\n--END COMMAND--\r\n\r\n";

    private static final String NEXT = "Response: Success\r\nPing: Pong\r\n\r\n";

    private static final AmiMessage NEXT_MESSAGE = AmiMessage.of("Response", "Success", "Ping", "Pong");

    /** The headers of the replies built by {@link #replyWithBodyLine}. */
    private static final AmiMessage HEADERS =
            AmiMessage.of("Response", "Follows", "Privilege", "Command", "ActionID", "8");

    private static List<AmiFrame> client(String text) {
        return client(AmiWire.bytes(text));
    }

    private static List<AmiFrame> client(byte[] bytes) {
        return AmiWire.decodeAtEverySplit(AmiDecoderConfig.client(), bytes);
    }

    /**
     * A Follows reply with {@code line} as its second CLI line, then {@link #NEXT}. After it come a
     * blank line and a line with a colon, so a decoder that resynchronised at the next blank line
     * would take the rest of the CLI text for messages.
     */
    private static byte[] replyWithBodyLine(byte[] line) {
        return concat(
                AmiWire.bytes("Response: Follows\r\nPrivilege: Command\r\nActionID: 8\r\nfirst line\n"),
                line,
                AmiWire.bytes("\n\nUptime: 1 day\n--END COMMAND--\r\n\r\n" + NEXT));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.writeBytes(part);
        }
        return bytes.toByteArray();
    }

    /** The failure a bad body line makes: the headers and the rest of the body, then the next message intact. */
    private static AmiDecodeFailure assertBodyLineFailed(List<AmiFrame> frames, Reason reason) {
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOf(AmiDecodeFailure.class);
        AmiDecodeFailure failure = (AmiDecodeFailure) frames.get(0);
        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.detail()).contains("Follows body");
        assertThat(failure.partial())
                .isEqualTo(HEADERS.toBuilder()
                        .followsBody("first line\n\nUptime: 1 day\n")
                        .build());
        assertThat(frames.get(1)).isEqualTo(NEXT_MESSAGE);
        return failure;
    }

    @Test
    void the_cli_text_becomes_the_follows_body_and_the_headers_stay_headers() {
        AmiMessage reply = (AmiMessage) client(CORE_SHOW_VERSION_13).get(0);

        assertThat(reply.response()).isEqualTo("Follows");
        assertThat(reply.get("Privilege")).isEqualTo("Command");
        assertThat(reply.actionId()).isEqualTo("7");
        assertThat(reply.followsBody()).isEqualTo("Asterisk 13.38.3 built by root @ ucm on a armv7l running Linux\n");
    }

    @Test
    void blank_lines_and_colons_inside_the_output_do_not_end_or_split_the_message() {
        List<AmiFrame> frames = client(MULTI_LINE + NEXT);

        assertThat(frames).hasSize(2);
        AmiMessage reply = (AmiMessage) frames.get(0);
        assertThat(reply.size()).isEqualTo(2);
        assertThat(reply.followsBody()).contains("\n\nUptime: 1 day, 2 hours\n0 active channels\n");
        assertThat(frames.get(1)).isEqualTo(NEXT_MESSAGE);
    }

    @Test
    void follows_output_round_trips_byte_for_byte_at_every_split() {
        byte[] bytes = AmiWire.bytes(CORE_SHOW_VERSION_13 + MULTI_LINE + NEXT);

        assertThat(AmiWire.encode(client(bytes))).isEqualTo(bytes);
    }

    @Test
    void an_empty_output_and_a_marker_on_the_last_output_line_are_both_read() {
        AmiMessage empty = (AmiMessage) client("Response: Follows\r\nPrivilege: Command\r\n--END COMMAND--\r\n\r\n")
                .get(0);
        AmiMessage glued =
                (AmiMessage) client("Response: Follows\r\nPrivilege: Command\r\nlast line--END COMMAND--\r\n\r\n")
                        .get(0);

        assertThat(empty.followsBody()).isEmpty();
        assertThat(glued.followsBody()).isEqualTo("last line");
    }

    @Test
    void valid_utf8_in_the_output_is_decoded() {
        AmiMessage reply =
                (AmiMessage) client(replyWithBodyLine(AmiWire.bytes("J\u00fcrgen \u6771\u4eac \ud83d\ude00")))
                        .get(0);

        assertThat(reply.followsBody())
                .isEqualTo("first line\nJ\u00fcrgen \u6771\u4eac \ud83d\ude00\n\nUptime: 1 day\n");
    }

    @Test
    void a_nul_in_a_body_line_discards_the_line_fails_the_reply_and_the_next_message_is_intact() {
        AmiDecodeFailure failure =
                assertBodyLineFailed(client(replyWithBodyLine(AmiWire.bytes("bad\0line"))), Reason.NUL_BYTE);

        assertThat(failure.detail()).contains("bad?line");
    }

    @ParameterizedTest(name = "bytes {0}")
    @ValueSource(
            strings = {"c328", "ff", "eda080", "c0af", "e282"
            }) // bad continuation, never UTF-8, surrogate, overlong, truncated
    void invalid_utf8_in_a_body_line_discards_the_line_fails_the_reply_and_the_next_message_is_intact(String hex) {
        byte[] bad = HexFormat.of().parseHex("6f6b20" + hex + "206f6b"); // "ok " + bad + " ok"

        assertBodyLineFailed(client(replyWithBodyLine(bad)), Reason.INVALID_UTF8);
    }

    @Test
    void a_bad_line_that_carries_the_marker_still_ends_the_body() {
        byte[] bytes = concat(
                AmiWire.bytes("Response: Follows\r\nPrivilege: Command\r\nActionID: 8\r\nfirst line\n"),
                new byte[] {(byte) 0xff},
                AmiWire.bytes("--END COMMAND--\r\n\r\n" + NEXT));

        List<AmiFrame> frames = client(bytes);

        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).isInstanceOfSatisfying(AmiDecodeFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.INVALID_UTF8);
            assertThat(failure.partial())
                    .isEqualTo(HEADERS.toBuilder().followsBody("first line\n").build());
        });
        assertThat(frames.get(1)).isEqualTo(NEXT_MESSAGE);
    }

    @Test
    void a_nul_in_a_follows_header_discards_the_header_and_keeps_the_body() {
        List<AmiFrame> frames = client(
                "Response: Follows\r\nPrivilege: Command\r\nActionID: 9\0\r\nout\n--END COMMAND--\r\n\r\n" + NEXT);

        assertThat(frames.get(0)).isInstanceOfSatisfying(AmiDecodeFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(Reason.NUL_BYTE);
            assertThat(failure.partial())
                    .isEqualTo(AmiMessage.of("Response", "Follows", "Privilege", "Command").toBuilder()
                            .followsBody("out\n")
                            .build());
        });
        assertThat(frames.get(1)).isEqualTo(NEXT_MESSAGE);
    }

    @Test
    void the_server_profile_does_not_treat_follows_specially() {
        assertThat(AmiWire.decodeAtEverySplit(
                        AmiDecoderConfig.server(), AmiWire.bytes("Response: Follows\r\nPrivilege: Command\r\n\r\n")))
                .containsExactly(AmiMessage.of("Response", "Follows", "Privilege", "Command"));
    }
}
