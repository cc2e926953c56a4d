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
 *
 * <p>This class is the command: its options, their checks and the JMH run; {@link ParseTable} writes the tables.
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
        System.out.print(ParseTable.table(results, Corpus.get()));
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
}
