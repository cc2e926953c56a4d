package io.ucmkit.features.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge needs its own tests: it must read real Asterisk bytes right, in any chunking. */
class WireParserTest {

    private static final String STREAM = "Asterisk Call Manager/9.0.0\r\nResponse: Success\r\nActionID: p\r\n"
            + "Ping: Pong\r\n\r\nResponse: Success\r\nMessage: Presence State\r\nAccountCode: \r\nMessage: In a meeting\r\n\r\n";

    @Test
    void reads_the_banner_and_messages_in_one_chunk_or_byte_by_byte() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        WireParser whole = new WireParser();
        List<WireMessage> all = whole.feed(bytes, bytes.length);

        WireParser bytewise = new WireParser();
        List<WireMessage> one = new ArrayList<>();
        for (byte b : bytes) {
            one.addAll(bytewise.feed(new byte[] {b}, 1));
        }
        assertThat(whole.banner()).isEqualTo("Asterisk Call Manager/9.0.0");
        assertThat(all).hasSize(2);
        assertThat(one).hasSize(2);
        assertThat(all.get(1).lines())
                .extracting(l -> l[0] + "=" + l[1])
                .containsExactly("Response=Success", "Message=Presence State", "AccountCode=", "Message=In a meeting");
        assertThat(one.get(1).toString()).isEqualTo(all.get(1).toString());
    }

    @Test
    void a_line_without_name_and_value_is_an_error_not_skipped() {
        byte[] bytes =
                "Asterisk Call Manager/9.0.0\r\nResponse: Success\r\ngarbage\r\n\r\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new WireParser().feed(bytes, bytes.length)).hasMessageContaining("garbage");
    }

    @Test
    void reads_an_asterisk_13_command_answer_as_headers_and_a_raw_body() {
        // AMI reference §1.6: Response: Follows, the CLI text with bare LF line ends, --END COMMAND--
        byte[] bytes = ("Asterisk Call Manager/2.10.6\r\nResponse: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n"
                        + "Asterisk 13.38.3 built by root\nsecond: line\n--END COMMAND--\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);

        List<WireMessage> messages = new WireParser().feed(bytes, bytes.length);

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).lines())
                .extracting(l -> l[0] + "=" + l[1])
                .containsExactly("Response=Follows", "Privilege=Command", "ActionID=7");
        assertThat(messages.get(0).body()).isEqualTo("Asterisk 13.38.3 built by root\nsecond: line\n");
    }
}
