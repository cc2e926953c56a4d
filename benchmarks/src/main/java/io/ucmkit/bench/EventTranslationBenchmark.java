package io.ucmkit.bench;

import io.netty.buffer.ByteBuf;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.DriverEvent;
import io.ucmkit.driver.DriverTranslation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * Our decoder plus the driver's typed translation: the same pass over the same read buffers as
 * {@code EventParseBenchmark.amiDecoder}, with every decoded message then handed to the driver's real
 * {@code EventTranslator} (through {@link DriverTranslation}), which tracks channels and turns them into Call
 * Status (Accepted), IVR Response, Presence and ExtensionState events. One translator for the whole trial, as one
 * per driver connection: its channel, IVR and presence maps stay bounded because the corpus repeats the
 * transcripts' channel names.
 *
 * <p>The translator's IVR range is {@code 500}: on the PBX the transcripts were recorded on, {@code 500@apps}
 * answers and sends the digits {@code 123#} (transcript 09), the part an IVR plays; with the driver's default
 * range (7000-7100, numbers the transcripts never dial) no DTMF would become an IVR Response.
 *
 * <p>Two read shapes only ({@code event}, {@code batch}): the translator sees whole messages whatever the reads
 * were, so the fragmented shapes would only re-measure the decoder. Compare with {@code amiDecoder} at the
 * same {@code reads} in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventTranslationBenchmark {

    /** The IVR number of the transcripts' PBX (see the class comment). */
    static final int TRANSCRIPT_IVR = 500;

    @Param({"EVENT", "BATCH"})
    public Reads reads;

    private ByteBuf corpus;
    private ByteBuf[] readBuffers;
    private int messages;
    private DecoderHarness decoder;
    private long typedEvents;

    @Setup(Level.Trial)
    public void setUp() {
        Corpus source = Corpus.get();
        corpus = source.directBuffer();
        readBuffers = source.reads(corpus, reads);
        messages = source.messages();
        DriverTranslation translation = translation();
        decoder = new DecoderHarness(frame -> {
            List<DriverEvent> typed = translation.onMessage((AmiMessage) frame);
            typedEvents += typed.size();
            return typed;
        });
    }

    /** A translator configured as for the transcripts' PBX. */
    static DriverTranslation translation() {
        return new DriverTranslation(DriverConfig.builder()
                .address("127.0.0.1")
                .username("bench")
                .password("bench")
                .ivrRange(TRANSCRIPT_IVR, TRANSCRIPT_IVR)
                .build());
    }

    /**
     * The typed events one pass over the corpus gives from a fresh translator, by {@code DriverEvent.type()}:
     * what the translation benchmark produces, printed under the table (a property of the corpus, not a
     * measurement).
     */
    static Map<String, Integer> typedEventsOfOnePass(Corpus source) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        DriverTranslation translation = translation();
        DecoderHarness harness = new DecoderHarness(frame -> {
            for (DriverEvent event : translation.onMessage((AmiMessage) frame)) {
                counts.merge(event.type(), 1, Integer::sum);
            }
            return frame;
        });
        ByteBuf buffer = source.directBuffer();
        try {
            harness.read(buffer.retain(), null);
        } finally {
            harness.close();
            buffer.release();
        }
        return counts;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (typedEvents == 0) {
            throw new IllegalStateException("the translator produced no typed event from the corpus");
        }
        decoder.close();
        corpus.release();
    }

    @Benchmark
    public int amiDecoderTranslated(Blackhole blackhole) throws Exception {
        int found = 0;
        for (ByteBuf read : readBuffers) {
            found += decoder.read(Corpus.rewind(read).retain(), blackhole);
        }
        if (found != messages) {
            throw new IllegalStateException(found + " messages framed, the corpus has " + messages);
        }
        return found;
    }
}
