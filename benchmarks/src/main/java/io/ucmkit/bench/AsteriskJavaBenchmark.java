package io.ucmkit.bench;

import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.internal.AsteriskJavaReader;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The incumbent on the same bytes: one pass of asterisk-java 3.42.x's {@code ManagerReaderImpl}
 * (its line loop, its {@code EventBuilderImpl}/{@code ResponseBuilderImpl} reflection into event
 * beans) over the whole {@link Corpus}, reading through the same {@code FastScanner} over an
 * {@code InputStreamReader} that its {@code SocketConnectionFacadeImpl} puts over a socket — only
 * the socket's {@code InputStream} is replaced by the corpus bytes. See {@link AsteriskJavaReader}.
 *
 * <p>A stream reader has no notion of reads, so there is no {@code reads} parameter: compare with
 * {@code EventParseBenchmark} at {@code reads=BATCH} (whole messages, many per read), the shape a
 * buffered socket stream gives it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AsteriskJavaBenchmark {

    private byte[] corpus;
    private AsteriskJavaReader reader;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = Corpus.get().bytes();
        reader = new AsteriskJavaReader();
    }

    @Benchmark
    public int asteriskJava(Blackhole blackhole) {
        return reader.readAll(corpus, blackhole::consume);
    }
}
