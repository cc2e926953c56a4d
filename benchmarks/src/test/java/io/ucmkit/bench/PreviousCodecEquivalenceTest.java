package io.ucmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.ucmkit.ami.AmiBanner;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiDecoder;
import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.testing.Transcript;
import io.ucmkit.bench.previous.PreviousAmiDecoder;
import io.ucmkit.bench.previous.PreviousAmiMessage;
import io.ucmkit.bench.previous.PreviousDecodeFailure;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The lazy-message codec decodes exactly what the previous one did ({@link PreviousAmiDecoder}, the frozen copy
 * the benchmarks compare with): the same banners, the same headers, the same failures with the same reasons,
 * details and partial messages, on every transcript in both directions and profiles, at default and tight
 * limits, in reads of several sizes (one-byte reads are the mutated runs' job), and on thousands of mutated slices of them.
 */
class PreviousCodecEquivalenceTest {

    private static final List<AmiDecoderConfig> CONFIGS = List.of(
            AmiDecoderConfig.client(),
            AmiDecoderConfig.server(),
            AmiDecoderConfig.client().withMaxLineLength(64).withMaxHeaders(4).withMaxMessageBytes(300),
            AmiDecoderConfig.server().withMaxLineLength(40).withMaxHeaders(3).withMaxMessageBytes(200));

    @Test
    void every_transcript_decodes_to_the_same_frames_as_with_the_previous_codec() {
        int frames = 0;
        for (Transcript transcript : Transcript.all()) {
            for (byte[] bytes : List.of(transcript.serverToClient(), transcript.clientToServer())) {
                for (AmiDecoderConfig config : CONFIGS) {
                    for (int read : new int[] {bytes.length, 1460, 13}) {
                        frames += assertSame(config, bytes, read, transcript.name());
                    }
                }
            }
        }
        assertThat(frames).isGreaterThan(10_000);
    }

    @Test
    void mutated_input_decodes_to_the_same_frames_and_failures_as_with_the_previous_codec() {
        List<byte[]> sources = new ArrayList<>();
        for (Transcript transcript : Transcript.all()) {
            for (byte[] bytes : List.of(transcript.serverToClient(), transcript.clientToServer())) {
                if (bytes.length > 0) {
                    sources.add(bytes);
                }
            }
        }
        byte[] inserts = {'\r', '\n', ':', ' ', 0, (byte) 0xff, (byte) 0xc3, (byte) 0xe2, (byte) 0xf0, (byte) 0x80};
        SplittableRandom random = new SplittableRandom(19);
        int failures = 0;
        for (int run = 0; run < 3000; run++) {
            byte[] source = sources.get(random.nextInt(sources.size()));
            int from = random.nextInt(source.length);
            int to = Math.min(source.length, from + 1 + random.nextInt(2000));
            ByteArrayOutputStream mutated = new ByteArrayOutputStream();
            for (int i = from; i < to; i++) {
                int dice = random.nextInt(100);
                if (dice < 3) {
                    mutated.write(inserts[random.nextInt(inserts.length)]);
                } else if (dice < 4) {
                    mutated.write(random.nextInt(256));
                } else if (dice < 5) {
                    i += random.nextInt(20); // a deleted range
                    continue;
                }
                mutated.write(source[i]);
            }
            if (random.nextInt(10) == 0) {
                mutated.writeBytes("Response: Follows\r\nPrivilege: Command\r\nsome text\n".getBytes());
            }
            byte[] bytes = mutated.toByteArray();
            AmiDecoderConfig config = CONFIGS.get(random.nextInt(CONFIGS.size()));
            int read = 1 + random.nextInt(random.nextBoolean() ? 16 : 2000);
            List<String> frames = decode(new AmiDecoder(config), bytes, read, PreviousCodecEquivalenceTest::describe);
            failures += (int)
                    frames.stream().filter(frame -> frame.startsWith("failure")).count();
            assertThat(frames)
                    .as("run %d: %d bytes of a transcript mutated, %s, reads of %d", run, bytes.length, config, read)
                    .isEqualTo(decode(
                            new PreviousAmiDecoder(config), bytes, read, PreviousCodecEquivalenceTest::describe));
        }
        assertThat(failures).as("failures among the frames compared").isGreaterThan(1000);
    }

    private static int assertSame(AmiDecoderConfig config, byte[] bytes, int read, String name) {
        List<String> now = decode(new AmiDecoder(config), bytes, read, PreviousCodecEquivalenceTest::describe);
        List<String> before =
                decode(new PreviousAmiDecoder(config), bytes, read, PreviousCodecEquivalenceTest::describe);
        assertThat(now).as("%s, %s, reads of %d", name, config, read).isEqualTo(before);
        return now.size();
    }

    private static List<String> decode(
            ByteToMessageDecoder decoder, byte[] bytes, int read, Function<Object, String> describe) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        for (int at = 0; at < bytes.length; at += read) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, Math.min(read, bytes.length - at)));
        }
        channel.finish();
        List<String> frames = new ArrayList<>();
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            frames.add(describe.apply(frame));
        }
        return frames;
    }

    /** A frame of either codec as text, every header through the accessors a user calls. */
    private static String describe(Object frame) {
        if (frame instanceof AmiBanner banner) {
            return "banner " + banner.line();
        }
        if (frame instanceof AmiMessage message) {
            return "message " + headers(message);
        }
        if (frame instanceof PreviousAmiMessage message) {
            return "message " + headers(message);
        }
        if (frame instanceof AmiDecodeFailure failure) {
            return "failure " + failure.reason() + " " + failure.detail() + " " + headers(failure.partial());
        }
        if (frame instanceof PreviousDecodeFailure failure) {
            return "failure " + failure.reason() + " " + failure.detail() + " " + headers(failure.partial());
        }
        throw new AssertionError("not a frame: " + frame);
    }

    private static String headers(AmiMessage message) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < message.size(); i++) {
            // by index, and by name (the first match), so the lookup on the bytes is compared too
            text.append('[')
                    .append(message.name(i))
                    .append('|')
                    .append(message.value(i))
                    .append('|')
                    .append(message.get(message.name(i).toUpperCase(java.util.Locale.ROOT)))
                    .append(']');
        }
        return text.append(" event=")
                .append(message.eventName())
                .append(" response=")
                .append(message.response())
                .append(" action=")
                .append(message.action())
                .append(" body=")
                .append(message.followsBody())
                .toString();
    }

    private static String headers(PreviousAmiMessage message) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < message.size(); i++) {
            text.append('[')
                    .append(message.name(i))
                    .append('|')
                    .append(message.value(i))
                    .append('|')
                    .append(message.get(message.name(i).toUpperCase(java.util.Locale.ROOT)))
                    .append(']');
        }
        return text.append(" event=")
                .append(message.eventName())
                .append(" response=")
                .append(message.response())
                .append(" action=")
                .append(message.action())
                .append(" body=")
                .append(message.followsBody())
                .toString();
    }
}
