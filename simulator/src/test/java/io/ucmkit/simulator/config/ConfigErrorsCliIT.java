package io.ucmkit.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.cli.SimulatorMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./ucmkit simulator --config bad.yaml}: exit 2, every problem on a line of its own, nothing started. */
class ConfigErrorsCliIT {

    @TempDir
    Path dir;

    @Test
    void a_config_with_several_problems_exits_2_printing_one_per_line() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
        amiUsers:
          - {username: amiadmin, secret: amiadmin1, permit: ["127.0.0.1/255.255.255.255"], read: [all], write: [all]}
        extensions:
          - {number: "1000", model: GXP2170, answerDelayMs: soon}
          - {number: "1001", model: GXP2170, answerMod: auto}
          - {number: "1002", model: GXP2170, answerMode: maybe}
        """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new SimulatorMain())
                    .execute("--config", config.toString(), "--ami-port", "0", "--web-port", "0");
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly(
                        "ucmkit simulator: " + config + ": invalid config, 3 problems:",
                        "  - extensions[0].answerDelayMs = 'soon'; expected a whole number",
                        "  - unknown field 'extensions[1].answerMod'; allowed: number, name, model, registered, answerMode, answerDelayMs, keys,"
                                + " declineWith",
                        "  - extensions[2].answerMode = 'maybe'; allowed: manual | auto | decline | busy | no-answer");
    }
}
