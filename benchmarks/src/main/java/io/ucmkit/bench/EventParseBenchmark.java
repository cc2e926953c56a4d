package io.ucmkit.bench;

import io.netty.buffer.ByteBuf;
import io.ucmkit.bench.previous.PreviousAmiDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of one pass over the whole {@link Corpus}, cut into reads of the given shape: the
 * framing limit, our decoder and the previous codec's decoder see exactly the same read buffers (slices of one pooled direct
 * buffer, the kind a socket read produces, made once so the harness allocates nothing per read). One operation is one pass: events/s is
 * ops/s × {@link Corpus#messages()}; {@code -prof gc}'s {@code gc.alloc.rate.norm} divided by the
 * same count is bytes per message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventParseBenchmark {

    @Param
    public Reads reads;

    private ByteBuf corpus;
    private ByteBuf[] readBuffers;
    private int messages;
    private FramingLimit framing;
    private DecoderHarness decoder;
    private DecoderHarness previousDecoder;

    @Setup(Level.Trial)
    public void setUp() {
        Corpus source = Corpus.get();
        corpus = source.directBuffer();
        readBuffers = source.reads(corpus, reads);
        messages = source.messages();
        framing = new FramingLimit();
        decoder = new DecoderHarness();
        previousDecoder = DecoderHarness.of(new PreviousAmiDecoder());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        decoder.close();
        previousDecoder.close();
        corpus.release();
    }

    @Benchmark
    public int framingLimit() {
        int found = 0;
        for (ByteBuf read : readBuffers) {
            found += framing.read(Corpus.rewind(read));
        }
        return check(found);
    }

    @Benchmark
    public int amiDecoder(Blackhole blackhole) throws Exception {
        int found = 0;
        for (ByteBuf read : readBuffers) {
            // retained: the decoder releases each read once it has consumed it, as from a socket
            found += decoder.read(Corpus.rewind(read).retain(), blackhole);
        }
        return check(found);
    }

    /** The codec before the lazy message (a frozen copy, {@link PreviousAmiDecoder}): the same pass, the same reads. */
    @Benchmark
    public int previousDecoder(Blackhole blackhole) throws Exception {
        int found = 0;
        for (ByteBuf read : readBuffers) {
            found += previousDecoder.read(Corpus.rewind(read).retain(), blackhole);
        }
        return check(found);
    }

    private int check(int found) {
        if (found != messages) {
            throw new IllegalStateException(found + " messages framed, the corpus has " + messages);
        }
        return found;
    }
}
