package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiWire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Asterisk ≤13 Command output: {@code Response: Follows} … {@code --END COMMAND--} (AMI.md §1.6). */
class FollowsCommandOutputTest {

    private static final String CORE_SHOW_VERSION_13 = "Response: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n"
            + "Asterisk 13.38.3 built by root @ ucm on a armv7l running Linux\n--END COMMAND--\r\n\r\n";

    private static final String MULTI_LINE = "Response: Follows\r\nPrivilege: Command\r\n"
            + "Channel              Location             State   Application(Data)\n"
            + "\n"
            + "Uptime: 1 day, 2 hours\n"
            + "0 active channels\n--END COMMAND--\r\n\r\n";

    private static final String NEXT = "Response: Success\r\nPing: Pong\r\n\r\n";

    @Test
    void the_cli_text_becomes_the_follows_body_and_the_headers_stay_headers() {
        AmiMessage reply = (AmiMessage) AmiWire.decodeClient(CORE_SHOW_VERSION_13).get(0);

        assertThat(reply.response()).isEqualTo("Follows");
        assertThat(reply.get("Privilege")).isEqualTo("Command");
        assertThat(reply.actionId()).isEqualTo("7");
        assertThat(reply.followsBody()).isEqualTo("Asterisk 13.38.3 built by root @ ucm on a armv7l running Linux\n");
    }

    @Test
    void blank_lines_and_colons_inside_the_output_do_not_end_or_split_the_message() {
        List<AmiFrame> frames = AmiWire.decodeClient(MULTI_LINE + NEXT);

        assertThat(frames).hasSize(2);
        AmiMessage reply = (AmiMessage) frames.get(0);
        assertThat(reply.size()).isEqualTo(2);
        assertThat(reply.followsBody()).contains("\n\nUptime: 1 day, 2 hours\n0 active channels\n");
        assertThat(frames.get(1)).isEqualTo(AmiMessage.of("Response", "Success", "Ping", "Pong"));
    }

    @Test
    void follows_output_round_trips_byte_for_byte_at_every_split() {
        byte[] bytes = AmiWire.bytes(CORE_SHOW_VERSION_13 + MULTI_LINE + NEXT);
        List<AmiFrame> whole = AmiWire.decode(AmiDecoderConfig.client(), bytes);

        assertThat(AmiWire.encode(whole)).isEqualTo(bytes);
        for (int size = 1; size < bytes.length; size++) {
            assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes, size)).as("fragments of %d", size).isEqualTo(whole);
        }
    }

    @Test
    void an_empty_output_and_a_marker_on_the_last_output_line_are_both_read() {
        AmiMessage empty = (AmiMessage) AmiWire.decodeClient("Response: Follows\r\nPrivilege: Command\r\n--END COMMAND--\r\n\r\n").get(0);
        AmiMessage glued = (AmiMessage) AmiWire.decodeClient("Response: Follows\r\nPrivilege: Command\r\nlast line--END COMMAND--\r\n\r\n").get(0);

        assertThat(empty.followsBody()).isEmpty();
        assertThat(glued.followsBody()).isEqualTo("last line");
    }

    @Test
    void the_server_profile_does_not_treat_follows_specially() {
        assertThat(AmiWire.decodeServer("Response: Follows\r\nPrivilege: Command\r\n\r\n"))
                .containsExactly(AmiMessage.of("Response", "Follows", "Privilege", "Command"));
    }
}
