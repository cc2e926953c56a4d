package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service's own console log, as an operator runs it ({@code java -jar ucmkit-driver.jar}):
 * ISO-8601 dates with the offset by default, one JSON object per line with {@code --log-format json},
 * and {@code --log-level} for the service's loggers. Runs the shaded jar (built in the package phase)
 * in a child JVM, because Logback reads its configuration once per JVM.
 */
class LogFormatIT {

    private static final Path JAR = Path.of("target", "ucmkit-driver.jar");

    @Test
    void text_lines_start_with_an_iso_8601_date_and_offset() throws Exception {
        List<String> lines = firstLinesUntil("dataserver listening");
        assertThat(lines)
                .filteredOn(l -> l.contains("dataserver listening"))
                .singleElement()
                .asString()
                .matches(
                        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  DataServer - .*");
    }

    @Test
    void json_format_is_one_object_per_line_and_debug_level_is_honoured() throws Exception {
        List<String> lines = firstLinesUntil("dataserver listening", "--log-format", "JSON", "--log-level", "debug");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("{")) {
                records.add(json.readTree(l));
            }
        }
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("level").asText()).isEqualTo("INFO");
            assertThat(r.path("loggerName").asText()).endsWith("DataServer");
            assertThat(r.path("formattedMessage").asText()).startsWith("dataserver listening on http://127.0.0.1:");
            assertThat(r.path("timestamp").asLong()).isPositive();
        });
    }

    @Test
    void a_bad_log_level_is_one_line_and_the_usage_exit_2() throws Exception {
        Process p = start("--log-level", "loud");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err)
                .startsWith("Invalid value for option '--log-level': expected one of [ERROR, WARN, INFO, DEBUG, "
                        + "TRACE] (case-insensitive) but was 'loud'")
                .contains("Usage: ucmkit driver");
    }

    /** Starts the service against a closed AMI port (it keeps retrying) and reads stdout up to a line. */
    private static List<String> firstLinesUntil(String marker, String... extra) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("logformat");
        List<String> args = new ArrayList<>(List.of(
                "--address",
                "127.0.0.1",
                "--port",
                Integer.toString(closedPort),
                "--username",
                "amiadmin",
                "--dataserver-port",
                "0",
                "--debug-port",
                "0",
                "--data-dir",
                data.toString()));
        args.addAll(List.of(extra));
        Process p = start(args.toArray(String[]::new));
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.contains(marker)) {
                    return lines;
                }
            }
            throw new AssertionError("the service ended before logging '" + marker + "': " + lines);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(String... args) throws Exception {
        assertThat(JAR).as("the shaded jar, built in the package phase").exists();
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("UCMKIT_PASSWORD", "not-a-real-password");
        return pb.start();
    }
}
