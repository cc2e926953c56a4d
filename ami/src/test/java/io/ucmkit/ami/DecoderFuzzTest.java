package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.testing.Transcript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Property-based fuzzing of {@link AmiDecoder} in both profiles (jqwik): arbitrary bytes, a soup
 * of AMI fragments, and slices of every transcript with mutations (bit flips; inserted CR, LF,
 * {@code :}, NUL, 0xFF and UTF-8 lead bytes; duplicated and deleted ranges; 70 KB runs;
 * {@code Response: Follows} inserted). For every input:
 *
 * <ul>
 *   <li>nothing is thrown out of {@code decode}, and every frame can be read through its
 *       accessors and written back by the encoder (a decoded message never holds what the
 *       encoder refuses);</li>
 *   <li>every buffer is released: the reads and whatever the decoder allocated;</li>
 *   <li>the frames are the same at any cut of the input into reads;</li>
 *   <li>after each read the decoder holds less than one line limit (the memory bound: during a
 *       read it is that plus the read);</li>
 *   <li>after the garbage, a blank line (and {@code --END COMMAND--} for a {@code Response:
 *       Follows} reply left open) puts the decoder back in step: the next well-formed message
 *       decodes intact.</li>
 * </ul>
 *
 * Runs in {@code mvn verify} with {@code -Dfuzz.tries} tries per property (default in the ami pom,
 * a few seconds); docs/codec.md gives the long run. A counter-example jqwik finds and shrinks
 * becomes a plain test in {@link DecoderFuzzRegressionTest}.
 */
class DecoderFuzzTest {

    /** The decoders under test: both profiles at their defaults, and with tight limits so every limit is hit often. */
    enum Setup {
        CLIENT(AmiDecoderConfig.client()),
        SERVER(AmiDecoderConfig.server()),
        CLIENT_TIGHT(AmiDecoderConfig.client()
                .withMaxLineLength(64)
                .withMaxHeaders(8)
                .withMaxMessageBytes(512)),
        SERVER_TIGHT(AmiDecoderConfig.server()
                .withMaxLineLength(32)
                .withMaxHeaders(4)
                .withMaxMessageBytes(256));

        final AmiDecoderConfig config;

        Setup(AmiDecoderConfig config) {
            this.config = config;
        }
    }

    private static final byte[] NEXT_BYTES = bytes("Response: Success\r\nActionID: next\r\nPing: Pong\r\n\r\n");
    private static final AmiMessage NEXT = AmiMessage.of("Response", "Success", "ActionID", "next", "Ping", "Pong");
    private static final byte[] BLANK_LINE = bytes("\r\n\r\n");
    /** Also ends a Follows body the garbage opened; outside one it is a colon-less line, a failure of its own. */
    private static final byte[] BLANK_LINE_AND_END_COMMAND = bytes("\r\n\r\n--END COMMAND--\r\n\r\n");

    /** Every transcript stream, both directions, as the mutations' raw material. */
    private static final List<byte[]> STREAMS = streams();

    private static final String[] TOKENS = {
        "\r\n",
        "\n",
        "\r",
        "\r\n\r\n",
        ": ",
        ":",
        " ",
        "\0",
        "Action: ",
        "Response: ",
        "Event: ",
        "ActionID: ",
        "Follows",
        "Response: Follows\r\n",
        "Privilege: Command\r\n",
        "--END COMMAND--",
        "Output: ",
        "Success",
        "Asterisk Call Manager/9.0.0",
        "Ping",
        "J\u00fcrgen",
        "\u20ac",
        "\ud83d\ude00",
        "Message: ",
        "x"
    };

    @Property
    void arbitrary_bytes(
            @ForAll Setup setup, @ForAll("arbitraryBytes") byte[] input, @ForAll("cuts") List<Double> cuts) {
        checkEverything(setup.config, input, cuts);
    }

    @Property
    void fragments_of_ami(
            @ForAll Setup setup, @ForAll("fragmentSoup") byte[] input, @ForAll("cuts") List<Double> cuts) {
        checkEverything(setup.config, input, cuts);
    }

    @Property
    void mutated_transcripts(
            @ForAll Setup setup, @ForAll("mutatedTranscripts") byte[] input, @ForAll("cuts") List<Double> cuts) {
        checkEverything(setup.config, input, cuts);
    }

    // ---- the checks

    static void checkEverything(AmiDecoderConfig config, byte[] input, List<Double> cuts) {
        List<AmiFrame> whole = decodeChecked(config, List.of(input));
        assertThat(decodeChecked(config, cut(input, cuts)))
                .as("the same input cut into reads at %s", cuts)
                .isEqualTo(whole);

        // Resynchronisation. Without "Follows" in the garbage no Follows reply can be open, and a blank line is enough.
        if (indexOf(input, bytes("Follows")) < 0) {
            assertThat(decodeChecked(config, List.of(concat(input, BLANK_LINE, NEXT_BYTES))))
                    .last()
                    .isEqualTo(NEXT);
        }
        assertThat(decodeChecked(config, List.of(concat(input, BLANK_LINE_AND_END_COMMAND, NEXT_BYTES))))
                .last()
                .isEqualTo(NEXT);
    }

    /**
     * Decodes the reads in turn and closes the channel. Throws whatever the decoder threw (the
     * embedded channel rethrows it), or an assertion error when a buffer is left unreleased, the
     * decoder holds a line limit or more after a read, or a frame cannot be read or encoded.
     */
    static List<AmiFrame> decodeChecked(AmiDecoderConfig config, List<byte[]> reads) {
        AmiDecoder decoder = new AmiDecoder(config);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        TrackingAllocator allocator = new TrackingAllocator();
        channel.config().setAllocator(allocator);
        List<ByteBuf> inputs = new ArrayList<>();
        for (byte[] read : reads) {
            if (read.length == 0) {
                continue; // a socket read is never empty (and Netty's shared empty buffer is never released)
            }
            ByteBuf buf = Unpooled.wrappedBuffer(read);
            inputs.add(buf);
            channel.writeInbound(buf);
            assertThat(decoder.bufferedBytes())
                    .as("bytes held after a read of %d", read.length)
                    .isLessThan(config.maxLineLength());
        }
        channel.finish();
        List<AmiFrame> frames = new ArrayList<>();
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            frames.add(readable((AmiFrame) frame));
        }
        assertThat(inputs)
                .as("reads released")
                .allSatisfy(b -> assertThat(b.refCnt()).isZero());
        assertThat(allocator.allocated)
                .as("decoder buffers released")
                .allSatisfy(b -> assertThat(b.refCnt()).isZero());
        return frames;
    }

    /** Reads the frame through every accessor and encodes what can be sent: none of it may throw. */
    private static AmiFrame readable(AmiFrame frame) {
        AmiMessage message;
        if (frame instanceof AmiDecodeFailure f) {
            assertThat(f.toString()).isNotNull();
            message = f.partial();
        } else if (frame instanceof AmiBanner b) {
            assertThat(b.version()).isNotNull();
            ByteBuf out = Unpooled.buffer();
            AmiEncoder.encode(b, out);
            out.release();
            message = AmiMessage.empty();
        } else {
            message = (AmiMessage) frame;
        }
        assertThat(message.headers()).hasSize(message.size());
        assertThat(message.toString()).isNotNull();
        AmiMessage.Builder rebuilt = AmiMessage.builder(); // the builder's checks accept what the decoder made
        for (int i = 0; i < message.size(); i++) {
            rebuilt.add(message.name(i), message.value(i));
        }
        ByteBuf out = Unpooled.buffer();
        AmiEncoder.encode(message, out);
        out.release();
        return frame;
    }

    /** The input cut at the given fractions of its length (duplicates and the ends give empty reads, skipped). */
    static List<byte[]> cut(byte[] input, List<Double> cuts) {
        int[] at =
                cuts.stream().mapToInt(c -> (int) (c * input.length)).sorted().toArray();
        List<byte[]> reads = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            if (to > from) {
                reads.add(Arrays.copyOfRange(input, from, to));
                from = to;
            }
        }
        reads.add(Arrays.copyOfRange(input, from, input.length));
        return reads;
    }

    // ---- the inputs

    @Provide
    Arbitrary<byte[]> arbitraryBytes() {
        Arbitrary<Byte> special = Arbitraries.of(
                (byte) '\r',
                (byte) '\n',
                (byte) ':',
                (byte) ' ',
                (byte) 0,
                (byte) 0xff,
                (byte) 0xc3,
                (byte) 0xe2,
                (byte) 0xf0,
                (byte) 0x80,
                (byte) 'A');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(Tuple.of(1, special), Tuple.of(2, any))
                .list()
                .ofMaxSize(600)
                .map(DecoderFuzzTest::toArray);
    }

    @Provide
    Arbitrary<byte[]> fragmentSoup() {
        Arbitrary<byte[]> token = Arbitraries.of(TOKENS).map(DecoderFuzzTest::bytes);
        Arbitrary<byte[]> letters = Arbitraries.strings()
                .withChars("abcXYZ019-_./")
                .ofMinLength(1)
                .ofMaxLength(12)
                .map(DecoderFuzzTest::bytes);
        Arbitrary<byte[]> oneByte = Arbitraries.bytes().map(b -> new byte[] {b});
        return Arbitraries.frequencyOf(Tuple.of(4, token), Tuple.of(2, letters), Tuple.of(1, oneByte))
                .list()
                .ofMaxSize(80)
                .map(parts -> concat(parts.toArray(byte[][]::new)));
    }

    @Provide
    Arbitrary<byte[]> mutatedTranscripts() {
        Arbitrary<byte[]> slice = Combinators.combine(
                        Arbitraries.integers().between(0, STREAMS.size() - 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 4096),
                        Arbitraries.of(true, false))
                .as((stream, start, length, fromStart) -> {
                    byte[] s = STREAMS.get(stream);
                    int from = fromStart ? 0 : (int) (start * s.length);
                    return Arrays.copyOfRange(s, from, Math.min(s.length, from + length));
                });
        return Combinators.combine(slice, mutation().list().ofMinSize(1).ofMaxSize(4))
                .as((bytes, mutations) -> {
                    byte[] mutated = bytes;
                    for (Mutation m : mutations) {
                        mutated = m.apply(mutated);
                    }
                    return mutated;
                });
    }

    @Provide
    Arbitrary<List<Double>> cuts() {
        return Arbitraries.doubles().between(0, 1).list().ofMaxSize(12);
    }

    /** One change to a byte stream; positions are fractions of its length, so any mutation applies to any stream. */
    sealed interface Mutation {
        byte[] apply(byte[] in);
    }

    record FlipBit(double at, int bit) implements Mutation {
        public byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            byte[] out = in.clone();
            out[index(at, in.length - 1)] ^= (byte) (1 << bit);
            return out;
        }
    }

    record Insert(double at, byte[] bytes) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(at, in.length);
            return concat(Arrays.copyOfRange(in, 0, i), bytes, Arrays.copyOfRange(in, i, in.length));
        }

        @Override
        public String toString() {
            return "Insert[at=" + at + ", bytes=" + shown(bytes) + "]";
        }
    }

    record Duplicate(double from, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(from, in.length);
            int end = Math.min(in.length, i + length);
            return concat(Arrays.copyOfRange(in, 0, end), Arrays.copyOfRange(in, i, in.length));
        }
    }

    record Delete(double from, int length) implements Mutation {
        public byte[] apply(byte[] in) {
            int i = index(from, in.length);
            int end = Math.min(in.length, i + length);
            return concat(Arrays.copyOfRange(in, 0, i), Arrays.copyOfRange(in, end, in.length));
        }
    }

    /** A 70 KB run of one byte: over every line limit, and over the server's message limit. */
    record LongRun(double at, byte fill, boolean lineEnd) implements Mutation {
        static final int LENGTH = 70 * 1024;

        public byte[] apply(byte[] in) {
            byte[] run = new byte[LENGTH + (lineEnd ? 2 : 0)];
            Arrays.fill(run, 0, LENGTH, fill);
            if (lineEnd) {
                run[LENGTH] = '\r';
                run[LENGTH + 1] = '\n';
            }
            return new Insert(at, run).apply(in);
        }
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> inserted = Arbitraries.of(
                        "\r",
                        "\n",
                        "\r\n",
                        ":",
                        "\0",
                        "\u00ff",
                        "\u00c3",
                        "\u00e2",
                        "\u00f0",
                        "\u00e2\u0082",
                        "\r\n\r\n",
                        "Response: Follows\r\n",
                        "\r\nResponse: Follows\r\n",
                        "--END COMMAND--\r\n")
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Combinators.combine(at, Arbitraries.integers().between(0, 7))
                                .as(FlipBit::new)),
                Tuple.of(4, Combinators.combine(at, inserted).as(Insert::new)),
                Tuple.of(
                        1,
                        Combinators.combine(at, Arbitraries.integers().between(1, 600))
                                .as(Duplicate::new)),
                Tuple.of(
                        1,
                        Combinators.combine(at, Arbitraries.integers().between(1, 600))
                                .as(Delete::new)),
                Tuple.of(
                        1,
                        Combinators.combine(
                                        at,
                                        Arbitraries.of((byte) 'x', (byte) ':', (byte) '\r', (byte) 0xc3),
                                        Arbitraries.of(true, false))
                                .as(LongRun::new)));
    }

    // ---- helpers

    /** Records every buffer the decoder allocates (cumulation growth), without leak tracking: fuzzing makes millions. */
    static final class TrackingAllocator extends AbstractByteBufAllocator {
        final ConcurrentLinkedQueue<ByteBuf> allocated = new ConcurrentLinkedQueue<>();

        TrackingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        private ByteBuf track(ByteBuf buf) {
            allocated.add(buf);
            return buf;
        }
    }

    private static List<byte[]> streams() {
        List<byte[]> streams = new ArrayList<>();
        for (Transcript t : Transcript.all()) {
            streams.add(t.serverToClient());
            streams.add(t.clientToServer());
        }
        return streams;
    }

    private static int index(double fraction, int length) {
        return (int) Math.min(length, Math.floor(fraction * (length + 1)));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Bytes for a report: printable ASCII as is, the rest as \xNN. */
    static String shown(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 80); i++) {
            int c = bytes[i] & 0xff;
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return bytes.length > 80 ? out + "…(" + bytes.length + " bytes)" : out.toString();
    }
}
