package io.ucmkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/**
 * {@code ./ucmkit bench --baseline FILE}: this run against a saved JMH JSON (an earlier run's {@code --json}),
 * benchmark by benchmark and parameter by parameter. A ratio above 1 is faster than the baseline: throughput is
 * divided by the baseline's, a time (sample mode) is the baseline's divided by this one. Runs on different days
 * or hosts differ by more than most changes do: the ratios of one run (the main table) are the ones to quote.
 */
final class BaselineComparison {

    private final Path file;
    /** Primary score and mode of each baseline benchmark, by {@link #key}. */
    private final Map<String, Double> scores;

    private final Map<String, String> modes;

    private BaselineComparison(Path file, Map<String, Double> scores, Map<String, String> modes) {
        this.file = file;
        this.scores = scores;
        this.modes = modes;
    }

    /** Reads a JMH JSON result file; an IllegalArgumentException says why when it is not one. */
    static BaselineComparison read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--baseline " + file + ": no such file");
        } catch (IOException e) {
            String why = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("--baseline " + file + ": cannot read it as JSON (" + why + ")");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(
                    "--baseline " + file + ": not a JMH JSON result (an array of benchmarks)");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, String> modes = new LinkedHashMap<>();
        for (JsonNode benchmark : root) {
            JsonNode name = benchmark.get("benchmark");
            JsonNode score = benchmark.path("primaryMetric").get("score");
            if (name == null || score == null || !score.isNumber()) {
                throw new IllegalArgumentException("--baseline " + file + ": not a JMH JSON result (an entry has no"
                        + " benchmark or primaryMetric.score)");
            }
            Map<String, String> params = new TreeMap<>();
            benchmark
                    .path("params")
                    .fields()
                    .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            String key = key(name.asText(), params);
            scores.put(key, score.asDouble());
            modes.put(key, benchmark.path("mode").asText("thrpt"));
        }
        return new BaselineComparison(file, scores, modes);
    }

    private static String key(String benchmark, Map<String, String> params) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1) + (params.isEmpty() ? "" : " " + params);
    }

    /** This run's benchmarks next to the baseline's, with the ratios (rows without a counterpart say so). */
    String table(Collection<RunResult> results) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nAgainst the baseline %s (× baseline > 1:"
                        + " faster; throughput in ops/s, sample mode in its time unit, mean):%n%n",
                file));
        out.append("| benchmark | params | this run | baseline | × baseline |\n|---|---|--:|--:|--:|\n");
        for (RunResult result : results) {
            Map<String, String> params = new TreeMap<>();
            for (String param : result.getParams().getParamsKeys()) {
                params.put(param, result.getParams().getParam(param));
            }
            String method = JmhResults.method(result);
            double score = result.getPrimaryResult().getScore();
            Double base = scores.get(key(result.getParams().getBenchmark(), params));
            String ratio = "not in the baseline";
            String baseScore = "–";
            if (base != null) {
                boolean throughput =
                        "thrpt".equals(modes.get(key(result.getParams().getBenchmark(), params)));
                ratio = String.format(Locale.ROOT, "%.2f", throughput ? score / base : base / score);
                baseScore = String.format(Locale.ROOT, "%.4g", base);
            }
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.4g | %s | %s |%n",
                    JmhResults.label(method),
                    params.isEmpty() ? "–" : params.toString(),
                    score,
                    baseScore,
                    ratio));
        }
        return out.toString();
    }
}
