package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.testing.AmiWire;
import io.ucmkit.ami.testing.Transcript;
import io.ucmkit.ami.testing.Transcript.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stream of every real-Asterisk transcript, decoded whole, in fragments and re-encoded. */
class TranscriptDecodingTest {

    static Stream<Transcript> transcripts() {
        return Transcript.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void server_stream_decodes_to_a_banner_and_one_message_per_blank_line_with_no_failure(Transcript transcript) {
        byte[] bytes = transcript.serverToClient();
        List<AmiFrame> frames = AmiWire.decode(AmiDecoderConfig.client(), bytes);

        assertThat(frames.get(0)).isEqualTo(new AmiBanner("Asterisk Call Manager/9.0.0"));
        assertThat(frames.subList(1, frames.size()))
                .allSatisfy(frame -> assertThat(frame).isInstanceOf(AmiMessage.class));
        // Counted independently of the decoder: every message on the wire ends with CRLF CRLF.
        assertThat(frames).hasSize(1 + occurrences(bytes, "\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void server_stream_round_trips_byte_for_byte(Transcript transcript) {
        byte[] bytes = transcript.serverToClient();

        assertThat(AmiWire.encode(AmiWire.decode(AmiDecoderConfig.client(), bytes)))
                .isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void server_stream_decodes_the_same_at_every_fragment_size(Transcript transcript) {
        byte[] bytes = transcript.serverToClient();
        List<AmiFrame> whole = AmiWire.decode(AmiDecoderConfig.client(), bytes);

        for (int size = 1; size <= 64; size++) {
            assertThat(AmiWire.decodeWrapped(AmiDecoderConfig.client(), bytes, size))
                    .as("fragments of %d bytes", size)
                    .isEqualTo(whole);
        }
        assertThat(AmiWire.decode(AmiDecoderConfig.client(), bytes, 1460))
                .as("MTU-sized fragments")
                .isEqualTo(whole);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void server_stream_decodes_the_same_in_its_recorded_tcp_reads(Transcript transcript) {
        List<byte[]> reads = transcript.chunks(Direction.SERVER_TO_CLIENT).stream()
                .map(Transcript.Chunk::bytes)
                .toList();

        assertThat(AmiWire.decodePieces(AmiDecoderConfig.client(), reads))
                .isEqualTo(AmiWire.decode(AmiDecoderConfig.client(), transcript.serverToClient()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_message_decodes_the_same_when_split_at_any_byte(Transcript transcript) {
        byte[] bytes = transcript.serverToClient();
        List<AmiFrame> whole = AmiWire.decode(AmiDecoderConfig.client(), bytes);
        List<byte[]> units = wireUnits(bytes);
        assertThat(units).hasSize(whole.size());
        // One channel for the whole transcript: the decoder is back at a message boundary after each unit.
        EmbeddedChannel channel = AmiWire.untrackedChannel(AmiDecoderConfig.client());

        for (int unit = 0; unit < units.size(); unit++) {
            byte[] message = units.get(unit);
            for (int split = 1; split < message.length; split++) {
                channel.writeInbound(Unpooled.wrappedBuffer(message, 0, split));
                channel.writeInbound(Unpooled.wrappedBuffer(message, split, message.length - split));
                assertThat((Object) channel.readInbound())
                        .as("message %d split at byte %d", unit, split)
                        .isEqualTo(whole.get(unit));
                assertThat((Object) channel.readInbound()).isNull();
            }
        }
        assertThat(channel.finish()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void client_stream_decodes_with_the_server_profile_like_asterisk_reads_it(Transcript transcript) {
        byte[] bytes = transcript.clientToServer();
        List<AmiFrame> whole = AmiWire.decode(AmiDecoderConfig.server(), bytes);

        // Every fragment size: the streams are small (15.9 KB in all), so this costs about a second.
        for (int size = 1; size < bytes.length; size++) {
            assertThat(AmiWire.decodeWrapped(AmiDecoderConfig.server(), bytes, size))
                    .as("fragments of %d bytes", size)
                    .isEqualTo(whole);
        }
        // The same code paths with leak-tracked buffers, at a few sizes (see AmiWire.decodeWrapped).
        for (int size : new int[] {1, 7, 1460}) {
            assertThat(AmiWire.decode(AmiDecoderConfig.server(), bytes, size))
                    .as("tracked fragments of %d bytes", size)
                    .isEqualTo(whole);
        }
        List<AmiFrame> failures =
                whole.stream().filter(AmiDecodeFailure.class::isInstance).toList();
        switch (transcript.name()) {
            // Asterisk answered these with an error or ignored a line: the only failures expected.
            case "07_garbage_line_without_colon" ->
                assertThat(failures)
                        .extracting(f -> ((AmiDecodeFailure) f).reason())
                        .containsExactly(
                                AmiDecodeFailure.Reason.LINE_WITHOUT_COLON, AmiDecodeFailure.Reason.LINE_WITHOUT_COLON);
            case "21_line_over_1024" ->
                assertThat(failures)
                        .extracting(f -> ((AmiDecodeFailure) f).reason())
                        .containsExactly(
                                AmiDecodeFailure.Reason.LINE_TOO_LONG,
                                AmiDecodeFailure.Reason.LINE_TOO_LONG,
                                AmiDecodeFailure.Reason.LINE_TOO_LONG);
            default -> assertThat(failures).isEmpty();
        }
        assertThat(whole).noneMatch(AmiBanner.class::isInstance);
    }

    /** Splits a stream at message ends (and after the banner line) without using the decoder. */
    static List<byte[]> wireUnits(byte[] bytes) {
        List<byte[]> units = new ArrayList<>();
        int bannerEnd = indexOf(bytes, "\r\n", 0) + 2;
        units.add(Arrays.copyOfRange(bytes, 0, bannerEnd));
        int at = bannerEnd;
        for (int end; (end = indexOf(bytes, "\r\n\r\n", at)) >= 0; at = end + 4) {
            units.add(Arrays.copyOfRange(bytes, at, end + 4));
        }
        return units;
    }

    static int occurrences(byte[] bytes, String needle) {
        int count = 0;
        for (int at = indexOf(bytes, needle, 0); at >= 0; at = indexOf(bytes, needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    private static int indexOf(byte[] bytes, String needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length(); i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (bytes[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
