package io.ucmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ucmkit bench}'s options: help at once, a bad value one line and the usage, exit 2; short settings warned. */
class BenchCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BenchTable.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_prints_the_usage_and_runs_nothing() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: ./ucmkit bench")
                .contains("--warmup=N", "--baseline=FILE", "default: 5");
        assertThat(err()).isEmpty();
    }

    @Test
    void a_value_that_is_not_a_number_is_one_line_then_the_usage_and_exit_2() {
        assertThat(run("--warmup", "abc")).isEqualTo(2);
        assertThat(err().lines().findFirst())
                .hasValueSatisfying(
                        line -> assertThat(line).startsWith("bench: ").contains("--warmup", "abc"));
        assertThat(err()).contains("Usage: ./ucmkit bench").doesNotContain("Exception", "\tat ");
    }

    @Test
    void an_unknown_option_and_an_impossible_value_are_refused_the_same_way() {
        assertThat(run("--warmpu", "3")).isEqualTo(2);
        assertThat(err()).startsWith("bench: Unknown option").contains("'--warmpu'", "Usage:");
        err.reset();
        assertThat(run("--iterations", "0")).isEqualTo(2);
        assertThat(err())
                .startsWith("bench: --iterations must be at least 1, was 0")
                .contains("Usage:");
    }

    @Test
    void a_baseline_that_is_missing_or_not_jmh_json_is_refused_before_anything_runs(@TempDir Path tmp)
            throws Exception {
        assertThat(run("--baseline", tmp.resolve("nothing.json").toString())).isEqualTo(2);
        assertThat(err()).startsWith("bench: --baseline " + tmp.resolve("nothing.json") + ": no such file");
        err.reset();
        Path notJmh = Files.writeString(tmp.resolve("other.json"), "{\"benchmark\": 1}");
        assertThat(run("--baseline", notJmh.toString())).isEqualTo(2);
        assertThat(err()).startsWith("bench: --baseline " + notJmh + ": not a JMH JSON result");
    }

    @Test
    void settings_too_short_to_trust_give_one_warning_saying_why_and_the_defaults_none() {
        BenchTable defaults = new BenchTable();
        assertThat(defaults.untrustedSettings()).isNull();
        assertThat(defaults.settingsProblems()).isEmpty();

        BenchTable quick = new BenchTable();
        quick.warmup = 1;
        quick.seconds = 0.5;
        String warning = quick.untrustedSettings();
        assertThat(warning)
                .startsWith("WARN bench: settings too short to trust the numbers: ")
                .contains("1 warmup iteration (", "0.500 s iterations")
                .doesNotContain("\n");
        assertThat(warning).doesNotContain("measured iteration");
    }
}
