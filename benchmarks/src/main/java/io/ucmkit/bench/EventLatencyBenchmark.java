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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-message latency of our decoder (and of the previous codec's), sampled: one operation is one read holding exactly one
 * message of the {@link Corpus}, taken in corpus order (so the distribution is the corpus mix:
 * small Newstate events to 150-header list replies). The sampled time includes JMH's timer
 * (~20-30 ns of {@code System.nanoTime} per sample), so small values are slight overestimates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventLatencyBenchmark {

    private ByteBuf corpus;
    private ByteBuf[] messages;
    private DecoderHarness decoder;
    private DecoderHarness previousDecoder;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = Corpus.get().directBuffer();
        messages = Corpus.get().reads(corpus, Reads.EVENT);
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
    public int amiDecoderOneMessage(Blackhole blackhole) throws Exception {
        int i = next;
        next = i + 1 == messages.length ? 0 : i + 1;
        return decoder.read(Corpus.rewind(messages[i]).retain(), blackhole);
    }

    /** The same samples for the previous codec ({@link PreviousAmiDecoder}). */
    @Benchmark
    public int previousDecoderOneMessage(Blackhole blackhole) throws Exception {
        int i = next;
        next = i + 1 == messages.length ? 0 : i + 1;
        return previousDecoder.read(Corpus.rewind(messages[i]).retain(), blackhole);
    }
}
