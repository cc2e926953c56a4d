package io.ucmkit.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's result as the tables read it: found by method and reads, its mean, best iteration and
 * allocation, and those numbers as the tables print them (ratios, rates, bytes per message, labels).
 */
final class JmhResults {

    private JmhResults() {}

    /** The best (highest) measured iteration of a throughput benchmark. */
    static double best(RunResult result) {
        return result.getPrimaryResult().getStatistics().getMax();
    }

    static String bestRatio(double best, RunResult baseline) {
        return baseline == null ? "–" : String.format(Locale.ROOT, "%.2f", best / best(baseline));
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
