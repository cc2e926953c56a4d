package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiWire;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counter-examples {@link DecoderFuzzTest} found and shrank, kept as plain tests with the same
 * checks. Each failed before a bare CR was allowed in headers and banners: the decoder handed out
 * a message (or a failure's partial, or a banner) that threw when read.
 */
class DecoderFuzzRegressionTest {

    @Test
    void a_header_name_that_is_a_bare_cr() {
        // shrunk from mutated transcripts, client profile: "\r: " then the resynchronising blank line
        DecoderFuzzTest.checkEverything(AmiDecoderConfig.client(), AmiWire.bytes("\r: "), List.of());
        assertThat(AmiWire.decodeClient("\r: \r\n\r\n")).containsExactly(AmiMessage.of("\r", ""));
    }

    @Test
    void a_value_that_ends_in_a_cr_before_the_crlf() {
        // shrunk from arbitrary bytes, server profile with tight limits: "Output: \r"
        DecoderFuzzTest.checkEverything(
                DecoderFuzzTest.Setup.SERVER_TIGHT.config, AmiWire.bytes("Output: \r"), List.of(0.08, 0.15));
        assertThat(AmiWire.decodeServer("Output: \r\r\n\r\n")).containsExactly(AmiMessage.of("Output", ""));
        assertThat(AmiWire.decodeClient("Output: \r\r\n\r\n")).containsExactly(AmiMessage.of("Output", "\r"));
    }

    @Test
    void a_response_value_with_a_bare_cr_after_a_banner() {
        // shrunk from a mutated slice of transcript 01: a line like a banner, then "Response: Success\r"
        byte[] input = AmiWire.bytes("@sterisk Call Manager/9.0.0\r\nResponse: Success\r");
        DecoderFuzzTest.checkEverything(AmiDecoderConfig.client(), input, List.of());
        assertThat(AmiWire.decodeClient("Response: Success\r\r\n\r\n"))
                .containsExactly(AmiMessage.of("Response", "Success\r"));
    }
}
