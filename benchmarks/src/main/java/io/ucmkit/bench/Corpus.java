package io.ucmkit.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.AmiDecoder;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.testing.Transcript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The bytes every parse benchmark reads: the server→client messages of the recorded transcripts
 * (ucmkit-ami test-jar, shaded into benchmarks.jar) 01–30, the set every figure in benchmarks/RESULTS.md was
 * measured on (the PJSIP recordings 40–47 are left out so runs stay comparable), plus copies of their caller-ID events with
 * UTF-8 names, drawn with a fixed seed until the buffer holds {@link #TARGET_BYTES}.
 *
 * <p>Draws are 85% events and 15% responses, about what a driver sees on a busy UCM. The banner is
 * left out (it is read once per connection). Each message is kept byte for byte as Asterisk sent
 * it, so the header layout, CRLFs and sizes are the real ones.
 */
public final class Corpus {

    /** The last transcript number in the corpus (see the class comment). */
    private static final int LAST_CORPUS_TRANSCRIPT = 30;

    public static final long SEED = 7;
    /** Default corpus size; {@code -Ducmkit.bench.corpusBytes=N} changes it (the smoke test uses a small one). */
    public static final int TARGET_BYTES = 4 * 1024 * 1024;

    static final double EVENT_SHARE = 0.85;

    /** Caller names a UCM in a European or Asian office shows; 2-, 3- and 4-byte UTF-8 sequences. */
    static final List<String> UTF8_NAMES = List.of(
            "José Müller",
            "Zoë Ørsted",
            "Łukasz Wójcik",
            "Алексей Смирнов",
            "李小龍",
            "山田 太郎",
            "Ana 🎧 Support",
            "Søren Kierkegård");

    private static Corpus instance;

    private final byte[] bytes;
    /** Offsets of each message's first byte, plus {@code bytes.length} at the end. */
    private final int[] messageStarts;

    private final int events;

    private Corpus(byte[] bytes, int[] messageStarts, int events) {
        this.bytes = bytes;
        this.messageStarts = messageStarts;
        this.events = events;
    }

    /** The corpus, built once per JVM (deterministic: every fork builds the same bytes). */
    public static synchronized Corpus get() {
        if (instance == null) {
            instance = build();
        }
        return instance;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int messages() {
        return messageStarts.length - 1;
    }

    /** Messages that are events (the rest are responses). */
    public int events() {
        return events;
    }

    public int messageStart(int i) {
        return messageStarts[i];
    }

    public int messageLength(int i) {
        return messageStarts[i + 1] - messageStarts[i];
    }

    /** The corpus in a pooled direct buffer, the kind a Netty socket read hands to the pipeline. */
    public ByteBuf directBuffer() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length, bytes.length);
        buf.writeBytes(bytes);
        return buf;
    }

    /**
     * The reads of a given shape as slices of {@code corpus} (from {@link #directBuffer()}), made
     * once: a slice shares the corpus's reference count, so {@code rewind(read).retain()} hands a
     * decoder a buffer it can release without the harness allocating anything per read.
     */
    public ByteBuf[] reads(ByteBuf corpus, Reads shape) {
        int[] ends = readEnds(shape);
        ByteBuf[] reads = new ByteBuf[ends.length];
        int start = 0;
        for (int i = 0; i < ends.length; i++) {
            reads[i] = corpus.slice(start, ends[i] - start);
            start = ends[i];
        }
        return reads;
    }

    /** Makes a read from {@link #reads} readable again from its first byte. */
    public static ByteBuf rewind(ByteBuf read) {
        return read.setIndex(0, read.capacity());
    }

    /**
     * Where each read of a given shape ends: {@code ends[i]} is the exclusive end offset of read
     * {@code i}; read {@code i} starts at {@code ends[i - 1]} (0 for the first).
     */
    public int[] readEnds(Reads shape) {
        return switch (shape) {
            case EVENT -> Arrays.copyOfRange(messageStarts, 1, messageStarts.length);
            case BATCH -> batchEnds(16 * 1024);
            case MTU -> fixedEnds(1460);
            case BYTE -> fixedEnds(1);
        };
    }

    private int[] batchEnds(int maxBytes) {
        List<Integer> ends = new ArrayList<>();
        int start = 0;
        for (int m = 1; m < messageStarts.length; m++) {
            boolean last = m == messageStarts.length - 1;
            if (last || messageStarts[m + 1] - start > maxBytes) {
                ends.add(messageStarts[m]);
                start = messageStarts[m];
            }
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] fixedEnds(int size) {
        int[] ends = new int[(bytes.length + size - 1) / size];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = Math.min(bytes.length, (i + 1) * size);
        }
        return ends;
    }

    static int targetBytes() {
        return Integer.getInteger("ucmkit.bench.corpusBytes", TARGET_BYTES);
    }

    private static Corpus build() {
        List<byte[]> events = new ArrayList<>();
        List<byte[]> responses = new ArrayList<>();
        for (Transcript transcript : Transcript.all()) {
            if (Integer.parseInt(transcript.name().substring(0, 2)) > LAST_CORPUS_TRANSCRIPT) {
                continue;
            }
            for (byte[] message : messages(transcript.serverToClient())) {
                String text = new String(message, StandardCharsets.UTF_8);
                (text.startsWith("Event:") ? events : responses).add(message);
            }
        }
        events.addAll(withUtf8CallerNames(events));

        SplittableRandom random = new SplittableRandom(SEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream(TARGET_BYTES + 64 * 1024);
        List<Integer> starts = new ArrayList<>();
        int eventCount = 0;
        int target = targetBytes();
        while (out.size() < target) {
            boolean event = random.nextDouble() < EVENT_SHARE;
            List<byte[]> pool = event ? events : responses;
            starts.add(out.size());
            out.writeBytes(pool.get(random.nextInt(pool.size())));
            eventCount += event ? 1 : 0;
        }
        starts.add(out.size());
        return new Corpus(
                out.toByteArray(), starts.stream().mapToInt(Integer::intValue).toArray(), eventCount);
    }

    /**
     * The well-formed messages of one transcript's server→client bytes, each ending in its blank
     * line: the banner and anything our decoder reports as malformed are left out.
     */
    static List<byte[]> messages(byte[] serverToClient) {
        List<byte[]> messages = new ArrayList<>();
        int start = 0;
        String head = new String(serverToClient, 0, Math.min(64, serverToClient.length), StandardCharsets.UTF_8);
        if (head.startsWith("Asterisk Call Manager/")) {
            start = indexOf(serverToClient, "\r\n".getBytes(StandardCharsets.US_ASCII), 0) + 2;
        }
        byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int end;
        while ((end = indexOf(serverToClient, blank, start)) >= 0) {
            byte[] message = Arrays.copyOfRange(serverToClient, start, end + blank.length);
            if (decodesCleanly(message)) {
                messages.add(message);
            }
            start = end + blank.length;
        }
        return messages;
    }

    private static boolean decodesCleanly(byte[] message) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiDecoder());
        channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(message));
        Object frame = channel.readInbound();
        boolean clean = frame instanceof AmiMessage && channel.readInbound() == null;
        channel.finishAndReleaseAll();
        return clean;
    }

    /** Copies of every event that carries a caller name, with a UTF-8 name in its place. */
    private static List<byte[]> withUtf8CallerNames(List<byte[]> events) {
        List<byte[]> copies = new ArrayList<>();
        int next = 0;
        for (byte[] event : events) {
            String text = new String(event, StandardCharsets.UTF_8);
            int at = text.indexOf("\r\nCallerIDName: ");
            if (at < 0) {
                continue;
            }
            int valueStart = at + "\r\nCallerIDName: ".length();
            int valueEnd = text.indexOf("\r\n", valueStart);
            String name = UTF8_NAMES.get(next++ % UTF8_NAMES.size());
            copies.add(
                    (text.substring(0, valueStart) + name + text.substring(valueEnd)).getBytes(StandardCharsets.UTF_8));
        }
        return copies;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
