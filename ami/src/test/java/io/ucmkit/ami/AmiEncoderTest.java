package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ucmkit.ami.testing.AmiWire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiEncoderTest {

    @Test
    void a_message_is_written_as_crlf_lines_and_a_blank_line() {
        byte[] bytes = AmiWire.encode(List.of(AmiMessage.of("Action", "Ping", "ActionID", "1")));

        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("Action: Ping\r\nActionID: 1\r\n\r\n");
    }

    @Test
    void empty_values_keep_the_space_after_the_colon() {
        assertThat(new String(AmiWire.encode(List.of(AmiMessage.of("AccountCode", ""))), StandardCharsets.US_ASCII))
                .isEqualTo("AccountCode: \r\n\r\n");
    }

    @Test
    void a_banner_is_one_line_without_a_blank_line() {
        assertThat(new String(AmiWire.encode(List.of(AmiBanner.asterisk("9.0.0"))), StandardCharsets.US_ASCII))
                .isEqualTo("Asterisk Call Manager/9.0.0\r\n");
    }

    @Test
    void utf8_values_are_written_as_utf8() {
        byte[] bytes = AmiWire.encode(List.of(AmiMessage.of("CallerIDName", "J\u00fcrgen")));

        assertThat(bytes).isEqualTo("CallerIDName: J\u00fcrgen\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_encoder_never_writes_a_bare_lf_outside_follows_output() {
        byte[] bytes = AmiWire.encode(
                List.of(AmiBanner.asterisk("9.0.0"), AmiMessage.of("Event", "Hangup", "Cause-txt", "Normal Clearing")));

        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertThat(bytes[i - 1]).as("byte before LF at %d", i).isEqualTo((byte) '\r');
            }
        }
    }

    @Test
    void a_decode_failure_cannot_be_encoded() {
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> AmiEncoder.encode(
                            new AmiDecodeFailure(AmiDecodeFailure.Reason.TRUNCATED, "x", AmiMessage.empty()), out))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            out.release();
        }
    }

    @Test
    void what_the_encoder_writes_the_decoder_reads_back() {
        AmiMessage message = AmiMessage.of(
                "Event", "UserEvent", "Header2", "Value: with colon", "Variable", "A=1", "Variable", "B=2");

        assertThat(AmiWire.decodeClient(new String(AmiWire.encode(List.of(message)), StandardCharsets.UTF_8)))
                .containsExactly(message);
    }
}
