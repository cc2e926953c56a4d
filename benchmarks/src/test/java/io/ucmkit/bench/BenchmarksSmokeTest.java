package io.ucmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.internal.AsteriskJavaReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.LoggerFactory;

/** Not a measurement: every benchmark runs one short iteration and produces a number. */
class BenchmarksSmokeTest {

    static {
        // A small corpus, so that one iteration of the one-byte-per-read variant stays short.
        System.setProperty("ucmkit.bench.corpusBytes", Integer.toString(256 * 1024));
    }

    @Test
    void theCorpusIsWellFormedMessagesWithUtf8CallerNames() {
        Corpus corpus = Corpus.get();
        assertThat(corpus.bytes().length).isGreaterThanOrEqualTo(Corpus.targetBytes());
        assertThat(corpus.events()).isGreaterThan(corpus.messages() / 2).isLessThan(corpus.messages());
        String text = new String(corpus.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "CallerIDName: 李小龍\r\n",
                        "Event: Newchannel\r\n",
                        "Event: DialBegin\r\n",
                        "Event: Hangup\r\n",
                        "Event: DTMFBegin\r\n",
                        "Event: ExtensionStatus\r\n",
                        "Event: PresenceStateChange\r\n",
                        "Response: Success\r\n");
    }

    @Test
    void everyReadShapeCoversTheCorpusAndTheFramingLimitAndTheDecoderAgreeOnTheMessageCount() throws Exception {
        Corpus corpus = Corpus.get();
        for (Reads reads : Reads.values()) {
            int[] ends = corpus.readEnds(reads);
            assertThat(ends[ends.length - 1]).isEqualTo(corpus.bytes().length);
            ByteBuf buffer = corpus.directBuffer();
            FramingLimit framing = new FramingLimit();
            DecoderHarness decoder = new DecoderHarness();
            int start = 0;
            for (int end : ends) {
                ByteBuf read = buffer.retainedSlice(start, end - start);
                framing.read(read);
                read.release();
                decoder.read(buffer.retainedSlice(start, end - start), null);
                start = end;
            }
            decoder.close();
            assertThat(buffer.release()).isTrue();
            assertThat(framing.messages()).as("framing limit, %s", reads).isEqualTo(corpus.messages());
            assertThat(decoder.frames()).as("decoder, %s", reads).isEqualTo(corpus.messages());
        }
    }

    @Test
    void asteriskJavaLogsNothingSoItsBenchmarkDoesNotPayForLogging() {
        // It finds SLF4J first; logback arrives with the driver and simulator (see logback.xml).
        assertThat(LoggerFactory.getLogger("org.asteriskjava.manager.internal.ManagerReaderImpl")
                        .isErrorEnabled())
                .isFalse();
    }

    @Test
    void asteriskJavaReadsTheWholeCorpus() {
        Corpus corpus = Corpus.get();
        int delivered = new AsteriskJavaReader().readAll(corpus.bytes(), object -> {});
        // It drops events it has no bean for; it must still have read past the end of the corpus.
        assertThat(delivered).isGreaterThan(corpus.messages() / 2).isLessThanOrEqualTo(corpus.messages());
    }

    @Test
    void theDriverTranslationGivesCallStatusIvrResponseAndPresenceEventsFromTheCorpus() throws Exception {
        Map<String, Integer> typed = EventTranslationBenchmark.typedEventsOfOnePass(Corpus.get());
        assertThat(typed).containsKeys("CallStatus", "IvrResponse", "Presence");
        assertThat(typed.values().stream().mapToInt(Integer::intValue).sum())
                .isLessThan(Corpus.get().events());
    }

    @Test
    void theNaiveClientReadsEveryMessageOfTheCorpus() throws Exception {
        assertThat(NaiveClientBenchmark.readAll(Corpus.get().bytes(), null))
                .isEqualTo(Corpus.get().messages());
    }

    @Test
    void everyBenchmarkRunsOneShortIterationAndProducesANumberWithItsAllocation(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("jmh-result.json");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include("io\\.ucmkit\\.bench\\..*")
                        .forks(0)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(50))
                        .addProfiler(GCProfiler.class)
                        .shouldFailOnError(true)
                        .result(json.toString())
                        .resultFormat(ResultFormatType.JSON)
                        .build())
                .run();
        List<String> names = results.stream()
                .map(r -> r.getParams().getBenchmark().replaceAll(".*\\.", "")
                        + (r.getParams().getParam("reads") == null
                                ? ""
                                : "/" + r.getParams().getParam("reads")))
                .toList();
        assertThat(names)
                .contains(
                        "framingLimit/EVENT",
                        "framingLimit/BYTE",
                        "amiDecoder/BATCH",
                        "amiDecoder/MTU",
                        "previousDecoder/EVENT",
                        "previousDecoder/BATCH",
                        "naiveClient",
                        "previousDecoderOneMessage",
                        "asteriskJava",
                        "amiDecoderOneMessage",
                        "amiDecoderTranslated/EVENT",
                        "amiDecoderTranslated/BATCH",
                        "simulatorToDriverFixedRate",
                        "simulatorToDriverBurst",
                        "loopbackLimitFixedRate",
                        "loopbackLimitBurst");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.getPrimaryResult().getScore()).isPositive();
            assertThat(JmhResults.allocated(result))
                    .as("gc.alloc.rate.norm of %s", result.getParams().getBenchmark())
                    .isPositive();
        });
        assertThat(ParseTable.table(results, Corpus.get()))
                .contains(
                        "× asterisk-java",
                        "p99.9",
                        "| ucmkit AmiDecoder + driver translation | batch |",
                        "Typed driver events",
                        "| simulator → driver | 1000/s paced |",
                        "| simulator → driver | bursts of 100 |",
                        "| loopback limit (Netty, no ucmkit) | bursts of 100 |",
                        "| previous codec (AmiDecoder before the lazy message) | batch |",
                        "| naive client (readLine, split, HashMap) | stream |",
                        "× previous codec",
                        "Targets, this run",
                        "Best measured iteration of each",
                        "| ≤ 500 bytes allocated per message, batch reads |",
                        "the previous codec, one message per read");
        // the run's own JSON as the baseline: every benchmark is found in it, at 1.00 × itself
        String compared = BaselineComparison.read(json).table(results);
        assertThat(compared).contains("| ucmkit AmiDecoder | {reads=BATCH} |").doesNotContain("not in the baseline");
        assertThat(compared.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| benchmark")))
                .hasSize(results.size())
                .allSatisfy(line -> assertThat(line).endsWith("| 1.00 |"));
    }
}
