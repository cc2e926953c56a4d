package io.ucmkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./ucmkit bench}: a short run of every benchmark with {@code -prof gc}, then the tables with
 * the ratios to the baselines of the same run: parsing (alone and with the driver's translation)
 * against the framing limit and asterisk-java, end to end against the loopback limit. The JMH JSON goes to the path of
 * {@code --json} (default {@code benchmarks/target/jmh-result.json}).
 *
 * <p>Options: {@code --warmup N} and {@code --iterations N} (per benchmark, default 5 and 3;
 * asterisk-java needs the 5 warmup iterations: one pass takes 0.1 s and it is still speeding up
 * after 3),
 * {@code --time S} seconds per iteration (default 2), {@code --forks N} (default 1),
 * {@code --include REGEX} (default every benchmark of this module).
 */
public final class BenchTable {

    private static final String USAGE = """
            usage: ./ucmkit bench [--warmup N] [--iterations N] [--time S] [--forks N] [--include REGEX] [--json PATH]
              a short JMH run (default: 5 warmup + 3 measured iterations of 2 s, 1 fork, -prof gc) of every
              benchmark in io.ucmkit.bench, then tables with ratios to the framing limit and asterisk-java
              (parsing, and parsing plus the driver's translation) and to the loopback limit (end to end).
              JMH JSON: benchmarks/target/jmh-result.json. Full JMH: java -jar benchmarks/target/benchmarks.jar -h""";

    private BenchTable() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = 5;
        int iterations = 3;
        int seconds = 2;
        int forks = 1;
        String include = "io\\.ucmkit\\.bench\\..*";
        String json = "benchmarks/target/jmh-result.json";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println(USAGE);
                return;
            }
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--iterations" -> iterations = Integer.parseInt(value);
                case "--time" -> seconds = Integer.parseInt(value);
                case "--forks" -> forks = Integer.parseInt(value);
                case "--include" -> include = value;
                case "--json" -> json = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        Path jsonPath = Path.of(json);
        if (jsonPath.getParent() != null) {
            Files.createDirectories(jsonPath.getParent());
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .forks(forks)
                .addProfiler(GCProfiler.class)
                .result(json)
                .resultFormat(ResultFormatType.JSON);
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.print(table(results, Corpus.get()));
        System.out.println("JMH JSON: " + jsonPath.toAbsolutePath());
    }

    /** The table as Markdown, so it can be pasted into the README as it is. */
    static String table(Collection<RunResult> results, Corpus corpus) {
        int messages = corpus.messages();
        double megabytes = corpus.bytes().length / 1e6;
        RunResult asteriskJava = find(results, "asteriskJava", null);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Corpus: %d messages (%d events), %.2f MB, seed %d%n%n",
                messages, corpus.events(), megabytes, Corpus.SEED));
        out.append("| parser | reads | msgs/s | ± | MB/s | × framing limit | × asterisk-java | bytes/msg |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|--:|\n");
        List<RunResult> rows = new ArrayList<>();
        for (Reads reads : Reads.values()) {
            addIfPresent(rows, find(results, "framingLimit", reads));
            addIfPresent(rows, find(results, "amiDecoder", reads));
            addIfPresent(rows, find(results, "amiDecoderTranslated", reads));
        }
        addIfPresent(rows, asteriskJava);
        for (RunResult row : rows) {
            String method = method(row);
            String reads = row.getParams().getParam("reads");
            double passes = row.getPrimaryResult().getScore();
            RunResult framing = reads == null ? find(results, "framingLimit", Reads.BATCH)
                    : find(results, "framingLimit", Reads.valueOf(reads));
            double error = row.getPrimaryResult().getScoreError();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %s | %s | %s |%n",
                    label(method), reads == null ? "stream" : reads.toLowerCase(Locale.ROOT),
                    count(passes * messages), Double.isNaN(error) ? "–"
                            : String.format(Locale.ROOT, "%.0f%%", 100 * error / passes), passes * megabytes,
                    ratio(passes, framing), ratio(passes, asteriskJava),
                    perMessage(row, messages)));
        }
        RunResult latency = find(results, "amiDecoderOneMessage", null);
        if (latency != null) {
            var stats = latency.getPrimaryResult().getStatistics();
            out.append(String.format(Locale.ROOT, "%nPer-message latency, our decoder, one message per read"
                            + " (sample mode, %d samples): p50 %.0f ns, p99 %.0f ns, p99.9 %.0f ns, mean %.0f ns;"
                            + " %s bytes allocated per message%n",
                    stats.getN(), stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9),
                    stats.getMean(), perMessage(latency, 1)));
        }
        out.append(translationNote(results, corpus));
        out.append("\nmsgs/s and MB/s: mean of the measured iterations, ± its 99.9% confidence half-width;"
                + " ratios: same run, same reads (asterisk-java reads a stream; its framing-limit ratio uses"
                + " batch reads). bytes/msg: -prof gc gc.alloc.rate.norm / messages per operation.\n");
        out.append(EndToEndTable.table(results));
        return out.toString();
    }

    /** The cost of the driver's translation relative to the decoder alone, and what it produced. */
    private static String translationNote(Collection<RunResult> results, Corpus corpus) {
        StringBuilder out = new StringBuilder();
        for (Reads reads : Reads.values()) {
            RunResult translated = find(results, "amiDecoderTranslated", reads);
            RunResult decoder = find(results, "amiDecoder", reads);
            if (translated != null && decoder != null) {
                out.append(String.format(Locale.ROOT, "%nDecoder + driver translation, %s reads: %s × the decoder alone"
                                + " (%s extra bytes/msg)",
                        reads.name().toLowerCase(Locale.ROOT),
                        ratio(translated.getPrimaryResult().getScore(), decoder),
                        difference(translated, decoder, corpus.messages())));
            }
        }
        if (out.length() > 0) {
            try {
                out.append(String.format(Locale.ROOT, "%nTyped driver events of one pass from a fresh translator: %s%n",
                        EventTranslationBenchmark.typedEventsOfOnePass(corpus)));
            } catch (Exception e) {
                throw new IllegalStateException("translating the corpus failed", e);
            }
        }
        return out.toString();
    }

    private static String difference(RunResult result, RunResult baseline, int messagesPerOp) {
        double a = allocated(result);
        double b = allocated(baseline);
        return Double.isNaN(a) || Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%.0f", (a - b) / messagesPerOp);
    }

    private static void addIfPresent(List<RunResult> rows, RunResult result) {
        if (result != null) {
            rows.add(result);
        }
    }

    static RunResult find(Collection<RunResult> results, String method, Reads reads) {
        for (RunResult result : results) {
            String param = result.getParams().getParam("reads");
            if (method(result).equals(method) && (reads == null || reads.name().equals(param))) {
                return result;
            }
        }
        return null;
    }

    static String method(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static String label(String method) {
        return switch (method) {
            case "framingLimit" -> "framing limit (indexOf)";
            case "amiDecoder" -> "ucmkit AmiDecoder";
            case "amiDecoderTranslated" -> "ucmkit AmiDecoder + driver translation";
            case "asteriskJava" -> "asterisk-java 3.42.2";
            default -> method;
        };
    }

    static String ratio(double score, RunResult baseline) {
        if (baseline == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", score / baseline.getPrimaryResult().getScore());
    }

    static String perMessage(RunResult result, int messagesPerOp) {
        double bytes = allocated(result);
        return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.0f", bytes / messagesPerOp);
    }

    /** {@code -prof gc}'s bytes allocated per operation, NaN without the profiler. */
    static double allocated(RunResult result) {
        Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.getScore();
    }

    private static String count(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
