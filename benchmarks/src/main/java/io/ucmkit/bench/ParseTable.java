package io.ucmkit.bench;

import static io.ucmkit.bench.JmhResults.allocated;
import static io.ucmkit.bench.JmhResults.best;
import static io.ucmkit.bench.JmhResults.bestRatio;
import static io.ucmkit.bench.JmhResults.count;
import static io.ucmkit.bench.JmhResults.find;
import static io.ucmkit.bench.JmhResults.label;
import static io.ucmkit.bench.JmhResults.method;
import static io.ucmkit.bench.JmhResults.perMessage;
import static io.ucmkit.bench.JmhResults.ratio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/**
 * The tables {@code ./ucmkit bench} prints after a run: each parser's throughput and allocation next to the
 * baselines of the same run (the framing limit, the previous codec, a hand-written client and asterisk-java),
 * the same from each best iteration, the per-message latency and the cost of the driver's translation; then
 * the targets ({@link ParseTargets}) and the end-to-end part ({@link EndToEndTable}).
 */
final class ParseTable {

    private ParseTable() {}

    /** The table as Markdown, so it can be pasted into benchmarks/RESULTS.md as it is. */
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
}
