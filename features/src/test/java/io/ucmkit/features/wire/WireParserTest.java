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
        assertThat(all.get(1).lines()).extracting(l -> l[0] + "=" + l[1])
                .containsExactly("Response=Success", "Message=Presence State", "AccountCode=", "Message=In a meeting");
        assertThat(one.get(1).toString()).isEqualTo(all.get(1).toString());
    }

    @Test
    void a_line_without_name_and_value_is_an_error_not_skipped() {
        byte[] bytes = "Asterisk Call Manager/9.0.0\r\nResponse: Success\r\ngarbage\r\n\r\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new WireParser().feed(bytes, bytes.length)).hasMessageContaining("garbage");
    }
}
