package io.ucmkit.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The end-to-end part of the {@code ./ucmkit bench} table: {@link EndToEndBenchmark}'s samples for the
 * simulator → driver path, each load next to the loopback limit of the same run, with the ratios.
 */
final class EndToEndTable {

    private EndToEndTable() {}

    static String table(Collection<RunResult> results) {
        StringBuilder rows = new StringBuilder();
        for (String load : new String[] {"FixedRate", "Burst"}) {
            RunResult loopback = JmhResults.find(results, "loopbackLimit" + load, null);
            RunResult driver = JmhResults.find(results, "simulatorToDriver" + load, null);
            if (loopback != null) {
                rows.append(row("loopback limit (Netty, no ucmkit)", loopback, loopback));
            }
            if (driver != null) {
                rows.append(row("simulator → driver", driver, loopback));
            }
        }
        if (rows.length() == 0) {
            return "";
        }
        return "\nEnd to end on loopback, sampled (µs from the simulator publishing a presence change to the driver's"
                + " subscriber receiving it; one change = 2 AMI events = 1 driver event):\n\n"
                + "| path | load | changes/s | p50 µs | p99 µs | p99.9 µs | samples | × loopback p50 | × loopback p99"
                + " | × loopback changes/s | bytes/change |\n"
                + "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
                + rows
                + "\nfixed rate: one change per sample, paced, the path idle in between. burst: one sample is a burst"
                + " published back to back until its last change arrived (that change's latency; changes/s = burst"
                + " / mean sample). bytes/change: gc.alloc.rate.norm of the whole JVM (simulator, driver, harness)"
                + " / changes per operation.\n";
    }

    private static String row(String path, RunResult result, RunResult loopback) {
        Statistics stats = result.getPrimaryResult().getStatistics();
        String rate = result.getParams().getParam("rate");
        String burst = result.getParams().getParam("changes");
        int changesPerOp = burst == null ? 1 : Integer.parseInt(burst);
        String load = rate != null ? rate + "/s paced" : "bursts of " + burst;
        double changesPerSecond = rate != null ? Double.parseDouble(rate) : changesPerOp * 1e6 / stats.getMean();
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.1f | %.1f | %.1f | %d | %s | %s | %s | %s |%n",
                path,
                load,
                count(changesPerSecond),
                stats.getPercentile(50),
                stats.getPercentile(99),
                stats.getPercentile(99.9),
                stats.getN(),
                ratio(stats.getPercentile(50), loopback, 50),
                ratio(stats.getPercentile(99), loopback, 99),
                rate != null || loopback == null
                        ? "–"
                        : String.format(
                                Locale.ROOT,
                                "%.2f",
                                changesPerSecond
                                        / (changesPerOp
                                                * 1e6
                                                / loopback.getPrimaryResult()
                                                        .getStatistics()
                                                        .getMean())),
                JmhResults.perMessage(result, changesPerOp));
    }

    private static String ratio(double value, RunResult loopback, double percentile) {
        if (loopback == null) {
            return "–";
        }
        return String.format(
                Locale.ROOT,
                "%.1f",
                value / loopback.getPrimaryResult().getStatistics().getPercentile(percentile));
    }

    private static String count(double perSecond) {
        return perSecond >= 1e4
                ? String.format(Locale.ROOT, "%.0f k", perSecond / 1e3)
                : String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
