package io.ucmkit.bench;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a user writes in ten minutes instead of using a codec: {@code BufferedReader.readLine} over the socket's
 * stream, each line split at its first {@code :}, the value trimmed, a {@code HashMap} per message handed on at
 * the blank line. The baseline that says whether a parser is worth having. Like asterisk-java it reads a stream
 * (the corpus bytes in place of the socket's {@code InputStream}), so it has no {@code reads} axis; compare with
 * {@code batch} reads. It keeps neither duplicates nor wire order and checks nothing, which only makes it faster.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NaiveClientBenchmark {

    private byte[] corpus;
    private int messages;

    @Setup(Level.Trial)
    public void setUp() {
        corpus = Corpus.get().bytes();
        messages = Corpus.get().messages();
    }

    @Benchmark
    public int naiveClient(Blackhole blackhole) throws IOException {
        int found = readAll(corpus, blackhole);
        if (found != messages) {
            throw new IllegalStateException(found + " messages read, the corpus has " + messages);
        }
        return found;
    }

    /** One pass over {@code bytes}; returns the messages read. */
    static int readAll(byte[] bytes, Blackhole blackhole) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        int found = 0;
        Map<String, String> message = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!message.isEmpty()) {
                    found++;
                    if (blackhole != null) {
                        blackhole.consume(message);
                    }
                    message = new HashMap<>();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                message.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return found;
    }
}
