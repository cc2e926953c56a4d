package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.testing.AmiWire;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder copies each read into an array and decodes its whole lines there, falling back to
 * a line at a time for what the copy cannot take: these inputs cross each of those boundaries.
 */
class DecoderWindowTest {

    private static final String UTF8_MESSAGE = "Event: Newchannel\r\nCallerIDName: Jos\u00e9 M\u00fcller\r\n"
            + "ConnectedLineName: \u674e\u5c0f\u9f8d\r\nN\u00e4me: Ana \ud83c\udfa7 Support\r\nExten: 1001\r\n\r\n";

    @Test
    void utf8_names_and_values_decode_the_same_at_every_split_point_and_fragment_size() {
        byte[] bytes = AmiWire.bytes(UTF8_MESSAGE + "Response: Success\r\nMessage: \u00c5se\r\n\r\n");
        List<AmiFrame> expected = List.of(
                AmiMessage.of(
                        "Event",
                        "Newchannel",
                        "CallerIDName",
                        "Jos\u00e9 M\u00fcller",
                        "ConnectedLineName",
                        "\u674e\u5c0f\u9f8d",
                        "N\u00e4me",
                        "Ana \ud83c\udfa7 Support",
                        "Exten",
                        "1001"),
                AmiMessage.of("Response", "Success", "Message", "\u00c5se"));

        for (int size = 1; size <= bytes.length; size++) {
            assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes, size))
                    .as("fragments of %d bytes", size)
                    .isEqualTo(expected);
        }
        EmbeddedChannel channel = AmiWire.untrackedChannel(AmiDecoderConfig.client());
        for (int split = 1; split < bytes.length; split++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, split, bytes.length - split));
            assertThat((Object) channel.readInbound())
                    .as("split at byte %d", split)
                    .isEqualTo(expected.get(0));
            assertThat((Object) channel.readInbound())
                    .as("split at byte %d", split)
                    .isEqualTo(expected.get(1));
        }
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void a_read_larger_than_the_copy_window_decodes_every_message() {
        StringBuilder stream = new StringBuilder();
        List<AmiFrame> expected = new ArrayList<>();
        for (int i = 0; stream.length() < 200 * 1024; i++) {
            String padding = "x".repeat(i % 97);
            stream.append("Event: VarSet\r\nChannel: PJSIP/1001-")
                    .append(i)
                    .append("\r\nValue: ")
                    .append(padding)
                    .append("\r\n")
                    .append(i % 5 == 0 ? UTF8_MESSAGE.substring(UTF8_MESSAGE.indexOf("\r\n") + 2) : "\r\n");
            expected.add(
                    i % 5 == 0
                            ? AmiMessage.of(
                                    "Event",
                                    "VarSet",
                                    "Channel",
                                    "PJSIP/1001-" + i,
                                    "Value",
                                    padding,
                                    "CallerIDName",
                                    "Jos\u00e9 M\u00fcller",
                                    "ConnectedLineName",
                                    "\u674e\u5c0f\u9f8d",
                                    "N\u00e4me",
                                    "Ana \ud83c\udfa7 Support",
                                    "Exten",
                                    "1001")
                            : AmiMessage.of("Event", "VarSet", "Channel", "PJSIP/1001-" + i, "Value", padding));
        }
        byte[] bytes = AmiWire.bytes(stream.toString());

        assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes)).isEqualTo(expected);
        assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes, 100_000)).isEqualTo(expected);
        assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes, 1460)).isEqualTo(expected);
    }

    @Test
    void a_line_at_the_line_limit_is_taken_whole_and_one_byte_more_is_too_long_in_either_path() {
        AmiDecoderConfig config = AmiDecoderConfig.client().withMaxLineLength(64);
        String fits = "Output: " + "f".repeat(64 - 10) + "\r\n"; // 64 bytes with its CRLF
        String tooLong = "Output: " + "t".repeat(64 - 9) + "\r\n";
        byte[] bytes = AmiWire.bytes("Response: Success\r\n" + fits + "\r\nResponse: Success\r\n" + tooLong + "\r\n");

        for (int size : new int[] {1, 7, 63, 64, 65, bytes.length}) {
            List<AmiFrame> frames = AmiWire.decode(config, bytes, size);
            assertThat(frames.get(0))
                    .as("fragments of %d", size)
                    .isEqualTo(AmiMessage.of("Response", "Success", "Output", "f".repeat(64 - 10)));
            assertThat(frames.get(1)).isInstanceOf(AmiDecodeFailure.class);
            assertThat(((AmiDecodeFailure) frames.get(1)).reason()).isEqualTo(AmiDecodeFailure.Reason.LINE_TOO_LONG);
            assertThat(frames).hasSize(2);
        }
    }
}
