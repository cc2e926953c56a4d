package io.ucmkit.features.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./ucmkit}, the launcher people type: {@code --version} answers for it and for every
 * subcommand, {@code --help} answers at once, and an unknown command or a bad flag value is one
 * line and the usage, exit 2. Run from the repository root with the jars the build just packaged.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void version_answers_for_the_launcher_and_every_subcommand() throws Exception {
        for (List<String> args : List.of(
                List.of("--version"),
                List.of("demo", "--version"),
                List.of("test", "--version"),
                List.of("simulator", "--version"),
                List.of("driver", "--version"))) {
            Run r = launch(args);
            assertThat(r.exit).as("%s: %s", args, r.out).isZero();
            assertThat(r.out).as("%s", args).containsPattern("ucmkit( simulator| driver)? \\S+ \\(commit ");
        }
    }

    @Test
    void help_answers_for_each_command() throws Exception {
        assertThat(launch(List.of("--help")).out).contains("usage: ./ucmkit <command> [options]");
        assertThat(launch(List.of("demo", "--help")).out).contains("usage: ./ucmkit demo");
        assertThat(launch(List.of("test", "--help")).out).contains("usage: ./ucmkit test");
        assertThat(launch(List.of("simulator", "--help")).out).contains("Usage: ucmkit simulator", "--log-format");
        assertThat(launch(List.of("driver", "--help")).out).contains("Usage: ucmkit driver", "--log-level");
    }

    @Test
    void an_unknown_command_or_a_bad_value_is_one_line_and_the_usage_exit_2() throws Exception {
        Run unknown = launch(List.of("nope"));
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.out).startsWith("ucmkit: unknown command 'nope'\nusage: ./ucmkit <command>");
        Run demoPort = launch(List.of("demo", "--web-port", "http"));
        assertThat(demoPort.exit).isEqualTo(2);
        assertThat(demoPort.out).startsWith("ucmkit demo: --web-port needs a port number\nusage: ./ucmkit demo");
        Run simPort = launch(List.of("simulator", "--ami-port", "x"));
        assertThat(simPort.exit).isEqualTo(2);
        assertThat(simPort.out)
                .startsWith("Invalid value for option '--ami-port': 'x' is not an int\nUsage: ucmkit simulator");
    }

    private record Run(int exit, String out) {}

    private static Run launch(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("./ucmkit"));
        cmd.addAll(args);
        Path log = Files.createTempFile("launcher", ".out");
        Process p = new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroy();
            throw new AssertionError(args + " did not end within 2 min: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
