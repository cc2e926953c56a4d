package io.ucmkit.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;

/**
 * The parse targets of the lazy-message codec, checked against the run just made: each target with what the run
 * measured and whether that meets it, from the means and from the best iterations (see
 * {@code ParseTable.bestIterations}). Ratios only compare results of the same run, as the table's do.
 */
final class ParseTargets {

    private ParseTargets() {}

    static String table(Collection<RunResult> results, Corpus corpus) {
        StringBuilder rows = new StringBuilder();
        ratioRow(
                rows,
                "decoder ≥ 0.6 × framing limit, batch reads",
                results,
                "amiDecoder",
                Reads.BATCH,
                "framingLimit",
                0.6);
        ratioRow(
                rows,
                "decoder ≥ 0.5 × framing limit, event reads",
                results,
                "amiDecoder",
                Reads.EVENT,
                "framingLimit",
                0.5);
        ratioRow(
                rows,
                "decoder ≥ 20 × asterisk-java, batch reads",
                results,
                "amiDecoder",
                Reads.BATCH,
                "asteriskJava",
                20);
        ratioRow(
                rows,
                "decoder + translation ≥ 0.4 × framing limit, event reads",
                results,
                "amiDecoderTranslated",
                Reads.EVENT,
                "framingLimit",
                0.4);
        ratioRow(
                rows,
                "decoder + translation ≥ 0.4 × framing limit, batch reads",
                results,
                "amiDecoderTranslated",
                Reads.BATCH,
                "framingLimit",
                0.4);
        RunResult decoder = JmhResults.find(results, "amiDecoder", Reads.BATCH);
        if (decoder != null && !Double.isNaN(JmhResults.allocated(decoder))) {
            double bytes = JmhResults.allocated(decoder) / corpus.messages();
            row(
                    rows,
                    "≤ 500 bytes allocated per message, batch reads",
                    String.format(Locale.ROOT, "%.0f", bytes),
                    bytes <= 500);
        }
        RunResult latency = JmhResults.find(results, "amiDecoderOneMessage", null);
        if (latency != null) {
            var stats = latency.getPrimaryResult().getStatistics();
            row(
                    rows,
                    "p50 ≤ 500 ns per message, event reads",
                    String.format(Locale.ROOT, "%.0f ns", stats.getPercentile(50)),
                    stats.getPercentile(50) <= 500);
            rows.append(String.format(
                    Locale.ROOT,
                    "| p99 per message, event reads (reported) | %.0f ns | – | – | – |%n",
                    stats.getPercentile(99)));
        }
        if (rows.length() == 0) {
            return "";
        }
        return "\nTargets, this run:\n\n| target | means | met | best iterations | met |\n|---|--:|---|--:|---|\n"
                + rows;
    }

    private static void ratioRow(
            StringBuilder rows,
            String target,
            Collection<RunResult> results,
            String method,
            Reads reads,
            String baseline,
            double atLeast) {
        RunResult measured = JmhResults.find(results, method, reads);
        RunResult base = JmhResults.find(results, baseline, "asteriskJava".equals(baseline) ? null : reads);
        if (measured == null || base == null) {
            return;
        }
        double ratio =
                measured.getPrimaryResult().getScore() / base.getPrimaryResult().getScore();
        double best = JmhResults.best(measured) / JmhResults.best(base);
        rows.append(String.format(
                Locale.ROOT,
                "| %s | %.2f × | %s | %.2f × | %s |%n",
                target,
                ratio,
                met(ratio >= atLeast),
                best,
                met(best >= atLeast)));
    }

    /** A target that is not a ratio: one figure, the same in both columns. */
    private static void row(StringBuilder rows, String target, String measured, boolean met) {
        rows.append("| ")
                .append(target)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(met(met))
                .append(" | – | – |\n");
    }

    private static String met(boolean met) {
        return met ? "met" : "not met";
    }
}
