package io.ucmkit.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ucmkit bench}: a short run of every benchmark with {@code -prof gc}, then the tables with
 * the ratios to the baselines of the same run: parsing (alone and with the driver's translation)
 * against the framing limit, the previous codec, a hand-written client and asterisk-java, end to end against the
 * loopback limit. The JMH JSON goes to the path of {@code --json} (default {@code benchmarks/target/jmh-result.json});
 * {@code --baseline FILE} adds the ratios to a saved one.
 *
 * <p>The defaults are 5 warmup and 3 measured iterations of 2 s, one fork: asterisk-java needs the 5 warmup
 * iterations (one pass takes 0.1 s and it is still speeding up after 3). Shorter settings run, with a warning.
 */
@Command(
        name = "./ucmkit bench",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "A short JMH run (-prof gc) of every benchmark in io.ucmkit.bench, then tables with ratios to"
                    + " the framing limit, the previous codec, a hand-written client and asterisk-java (parsing, and"
                    + " parsing plus the driver's translation) and to the loopback limit (end to end).",
            "Full JMH: java -jar benchmarks/target/benchmarks.jar -h"
        })
public final class BenchTable implements Callable<Integer> {

    /** Fewer warmup iterations than this leave asterisk-java (and the JIT of our own code) still speeding up. */
    static final int TRUSTED_WARMUP = 5;
    /** Fewer measured iterations than this give no confidence interval worth quoting. */
    static final int TRUSTED_ITERATIONS = 3;
    /** Shorter iterations than this measure the timer and the JIT more than the code. */
    static final double TRUSTED_SECONDS = 1;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            description = "warmup iterations per benchmark (default: ${DEFAULT-VALUE})")
    int warmup = 5;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "measured iterations per benchmark (default: ${DEFAULT-VALUE})")
    int iterations = 3;

    @Option(
            names = "--time",
            paramLabel = "S",
            description = "seconds per iteration, decimals allowed (default: ${DEFAULT-VALUE})")
    double seconds = 2;

    @Option(names = "--forks", paramLabel = "N", description = "JVM forks per benchmark (default: ${DEFAULT-VALUE})")
    int forks = 1;

    @Option(names = "--include", paramLabel = "REGEX", description = "benchmarks to run (default: ${DEFAULT-VALUE})")
    String include = "io\\.ucmkit\\.bench\\..*";

    @Option(names = "--json", paramLabel = "PATH", description = "where the JMH JSON goes (default: ${DEFAULT-VALUE})")
    Path json = Path.of("benchmarks/target/jmh-result.json");

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "a saved JMH JSON (an earlier --json) to compare with: each benchmark's ratio to it")
    Path baseline;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Parses the options and runs: 0 when done, 2 for a bad option or value (one line saying which, then the
     * usage), 1 when the benchmarks failed.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = new CommandLine(new BenchTable());
        command.setOut(new java.io.PrintWriter(out, true));
        command.setErr(new java.io.PrintWriter(err, true));
        command.setParameterExceptionHandler((e, ignored) -> {
            err.println("bench: " + e.getMessage());
            e.getCommandLine().usage(err);
            return 2;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        List<String> problems = settingsProblems();
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), String.join("; ", problems));
        }
        BaselineComparison compared = null;
        if (baseline != null) {
            try {
                compared = BaselineComparison.read(baseline); // before the run: a bad file should not cost minutes
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
            }
        }
        String warning = untrustedSettings();
        if (warning != null) {
            System.err.println(warning);
        }
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.milliseconds(Math.round(seconds * 1000)))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(Math.round(seconds * 1000)))
                .forks(forks)
                .addProfiler(GCProfiler.class)
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.print(table(results, Corpus.get()));
        if (compared != null) {
            System.out.print(compared.table(results));
        }
        if (warning != null) {
            System.out.println(warning);
        }
        System.out.println("JMH JSON: " + json.toAbsolutePath());
        return 0;
    }

    /** Values no run can use. */
    List<String> settingsProblems() {
        List<String> problems = new ArrayList<>();
        if (warmup < 0) {
            problems.add("--warmup must be 0 or more, was " + warmup);
        }
        if (iterations < 1) {
            problems.add("--iterations must be at least 1, was " + iterations);
        }
        if (!(seconds >= 0.001)) {
            problems.add("--time must be at least 0.001 s, was " + seconds);
        }
        if (forks < 0) {
            problems.add("--forks must be 0 or more, was " + forks);
        }
        return problems;
    }

    /** One WARN line saying why the numbers of these settings are not to be trusted, or null. */
    String untrustedSettings() {
        List<String> why = new ArrayList<>();
        if (warmup < TRUSTED_WARMUP) {
            why.add(warmup + " warmup iteration" + (warmup == 1 ? "" : "s") + " (asterisk-java and the JIT are still"
                    + " speeding up before " + TRUSTED_WARMUP + ")");
        }
        if (iterations < TRUSTED_ITERATIONS) {
            why.add(iterations + " measured iteration" + (iterations == 1 ? "" : "s") + " (no error bar worth"
                    + " quoting below " + TRUSTED_ITERATIONS + ")");
        }
        if (seconds < TRUSTED_SECONDS) {
            why.add(String.format(
                    Locale.ROOT,
                    "%.3g s iterations (under %.0f s the timer and the JIT weigh more than" + " the code)",
                    seconds,
                    TRUSTED_SECONDS));
        }
        if (forks == 0) {
            why.add("no fork (the benchmarks share this JVM's profile and heap)");
        }
        return why.isEmpty() ? null : "WARN bench: settings too short to trust the numbers: " + String.join("; ", why);
    }

    /** The table as Markdown, so it can be pasted into the README as it is. */
    static String table(Collection<RunResult> results, Corpus corpus) {
        int messages = corpus.messages();
        double megabytes = corpus.bytes().length / 1e6;
        RunResult asteriskJava = find(results, "asteriskJava", null);
        RunResult naive = find(results, "naiveClient", null);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Corpus: %d messages (%d events), %.2f MB, seed %d%n%n",
                messages,
                corpus.events(),
                megabytes,
                Corpus.SEED));
        out.append("| parser | reads | msgs/s | ± | MB/s | × framing limit | × previous codec | × naive client"
                + " | × asterisk-java | bytes/msg |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        List<RunResult> rows = new ArrayList<>();
        for (Reads reads : Reads.values()) {
            addIfPresent(rows, find(results, "framingLimit", reads));
            addIfPresent(rows, find(results, "amiDecoder", reads));
            addIfPresent(rows, find(results, "amiDecoderTranslated", reads));
            addIfPresent(rows, find(results, "previousDecoder", reads));
        }
        addIfPresent(rows, naive);
        addIfPresent(rows, asteriskJava);
        for (RunResult row : rows) {
            String method = method(row);
            String reads = row.getParams().getParam("reads");
            // a stream reader is compared with batch reads: whole messages, many per read, as a buffered stream gives
            Reads shape = reads == null ? Reads.BATCH : Reads.valueOf(reads);
            double passes = row.getPrimaryResult().getScore();
            double error = row.getPrimaryResult().getScoreError();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s |%n",
                    label(method),
                    reads == null ? "stream" : reads.toLowerCase(Locale.ROOT),
                    count(passes * messages),
                    Double.isNaN(error) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * error / passes),
                    passes * megabytes,
                    ratio(passes, find(results, "framingLimit", shape)),
                    ratio(passes, find(results, "previousDecoder", shape)),
                    ratio(passes, naive),
                    ratio(passes, asteriskJava),
                    perMessage(row, messages)));
        }
        out.append(bestIterations(rows, results, messages));
        out.append(latency(results, "amiDecoderOneMessage", "our decoder"));
        out.append(latency(results, "previousDecoderOneMessage", "the previous codec"));
        out.append(translationNote(results, corpus));
        out.append("\nmsgs/s and MB/s: mean of the measured iterations, ± its 99.9% confidence half-width;"
                + " ratios: same run, same reads (the stream readers, naive client and asterisk-java, are compared"
                + " with batch reads). bytes/msg: -prof gc gc.alloc.rate.norm / messages per operation.\n");
        out.append(ParseTargets.table(results, corpus));
        out.append(EndToEndTable.table(results));
        return out.toString();
    }

    /**
     * The same rows from each benchmark's best measured iteration. On a shared host another process takes the CPU
     * for some iterations and not others, so means of benchmarks run one after the other compare different loads;
     * the best iteration of each is the one least disturbed, and its ratios move far less from run to run.
     */
    private static String bestIterations(List<RunResult> rows, Collection<RunResult> results, int messages) {
        StringBuilder out = new StringBuilder("\nBest measured iteration of each (the least disturbed on a shared host;"
                + " ratios between best iterations):\n\n"
                + "| parser | reads | best msgs/s | × framing limit | × previous codec | × naive client | × asterisk-java |\n"
                + "|---|---|--:|--:|--:|--:|--:|\n");
        for (RunResult row : rows) {
            String reads = row.getParams().getParam("reads");
            Reads shape = reads == null ? Reads.BATCH : Reads.valueOf(reads);
            double best = best(row);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s |%n",
                    label(method(row)),
                    reads == null ? "stream" : reads.toLowerCase(Locale.ROOT),
                    count(best * messages),
                    bestRatio(best, find(results, "framingLimit", shape)),
                    bestRatio(best, find(results, "previousDecoder", shape)),
                    bestRatio(best, find(results, "naiveClient", null)),
                    bestRatio(best, find(results, "asteriskJava", null))));
        }
        return out.toString();
    }

    /** The best (highest) measured iteration of a throughput benchmark. */
    static double best(RunResult result) {
        return result.getPrimaryResult().getStatistics().getMax();
    }

    static String bestRatio(double best, RunResult baseline) {
        return baseline == null ? "–" : String.format(Locale.ROOT, "%.2f", best / best(baseline));
    }

    private static String latency(Collection<RunResult> results, String method, String who) {
        RunResult latency = find(results, method, null);
        if (latency == null) {
            return "";
        }
        var stats = latency.getPrimaryResult().getStatistics();
        return String.format(
                Locale.ROOT,
                "%nPer-message latency, %s, one message per read"
                        + " (sample mode, %d samples): p50 %.0f ns, p99 %.0f ns, p99.9 %.0f ns, mean %.0f ns;"
                        + " %s bytes allocated per message%n",
                who,
                stats.getN(),
                stats.getPercentile(50),
                stats.getPercentile(99),
                stats.getPercentile(99.9),
                stats.getMean(),
                perMessage(latency, 1));
    }

    /** The cost of the driver's translation relative to the decoder alone, and what it produced. */
    private static String translationNote(Collection<RunResult> results, Corpus corpus) {
        StringBuilder out = new StringBuilder();
        for (Reads reads : Reads.values()) {
            RunResult translated = find(results, "amiDecoderTranslated", reads);
            RunResult decoder = find(results, "amiDecoder", reads);
            if (translated != null && decoder != null) {
                out.append(String.format(
                        Locale.ROOT,
                        "%nDecoder + driver translation, %s reads: %s × the decoder alone" + " (%s extra bytes/msg)",
                        reads.name().toLowerCase(Locale.ROOT),
                        ratio(translated.getPrimaryResult().getScore(), decoder),
                        difference(translated, decoder, corpus.messages())));
            }
        }
        if (out.length() > 0) {
            try {
                out.append(String.format(
                        Locale.ROOT,
                        "%nTyped driver events of one pass from a fresh translator: %s%n",
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

    static String label(String method) {
        return switch (method) {
            case "framingLimit" -> "framing limit (indexOf)";
            case "amiDecoder" -> "ucmkit AmiDecoder";
            case "amiDecoderTranslated" -> "ucmkit AmiDecoder + driver translation";
            case "previousDecoder" -> "previous codec (AmiDecoder before the lazy message)";
            case "naiveClient" -> "naive client (readLine, split, HashMap)";
            case "asteriskJava" -> "asterisk-java 3.42.2";
            default -> method;
        };
    }

    static String ratio(double score, RunResult baseline) {
        if (baseline == null) {
            return "–";
        }
        return String.format(
                Locale.ROOT, "%.2f", score / baseline.getPrimaryResult().getScore());
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

    static String count(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
