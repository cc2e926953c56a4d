package io.ucmkit.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged simulator's console log, as a CI job or a demo laptop runs it: ISO-8601 dates with
 * the offset by default, one JSON object per line with {@code --log-format json}, and an AMI
 * connect logged at INFO. Runs the jar (built in the package phase) in a child JVM, because Logback
 * reads its configuration once per JVM.
 */
class LogFormatIT {

    private static final Path JAR = Path.of("target", "ucmkit-simulator.jar");
    private static final Pattern STARTED = Pattern.compile("AMI on [0-9.]+:(\\d+), dashboard");

    @Test
    void text_lines_start_with_an_iso_8601_date_and_offset() throws Exception {
        String line = firstLineAfterAConnect("connected from");
        assertThat(line)
                .matches(
                        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO  .*AMI session 0x[0-9a-f]+ connected from 127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void json_format_is_one_object_per_line() throws Exception {
        String line = firstLineAfterAConnect("connected from", "--log-format", "json");
        JsonNode record = new ObjectMapper().readTree(line);
        assertThat(record.path("level").asText()).isEqualTo("INFO");
        assertThat(record.path("formattedMessage").asText())
                .matches("AMI session 0x[0-9a-f]+ connected from 127\\.0\\.0\\.1:\\d+");
        assertThat(record.path("timestamp").asLong()).isPositive();
    }

    /** Starts the jar on free ports, opens one AMI connection, and returns the first log line holding {@code marker}. */
    private static String firstLineAfterAConnect(String marker, String... extra) throws Exception {
        assertThat(JAR).as("the simulator jar, built in the package phase").exists();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--ami-port",
                "0",
                "--web-port",
                "0"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            Socket client = null;
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    seen.add(line);
                    Matcher started = STARTED.matcher(line);
                    if (started.find()) {
                        client = new Socket("127.0.0.1", Integer.parseInt(started.group(1)));
                    } else if (line.contains(marker)) {
                        return line;
                    }
                }
            } finally {
                if (client != null) {
                    client.close();
                }
            }
            throw new AssertionError("the simulator ended before logging '" + marker + "': " + seen);
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
