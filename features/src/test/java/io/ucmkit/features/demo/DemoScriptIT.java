package io.ucmkit.features.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ci/demo.sh} (what {@code ./ucmkit demo --tour} runs), as its users run it: with every
 * port 0 it runs the whole tour on the ports its own processes bound; with a port taken by
 * something else it stops with the simulator's one line and exit 2, and never runs a step against
 * whatever holds the port. Runs from the repository root with the jars the build just packaged.
 */
class DemoScriptIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void with_port_0_everywhere_the_tour_runs_on_the_ports_really_bound() throws Exception {
        Run r = demo("--ami-port", "0", "--web-port", "0", "--dataserver-port", "0", "--debug-port", "0");
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out)
                .contains("ucmkit demo: tour: every step observed")
                .doesNotContain("127.0.0.1:0/")
                .containsPattern("Dashboard +http://127\\.0\\.0\\.1:[1-9][0-9]*/");
    }

    @Test
    void a_taken_port_stops_the_demo_with_one_line_and_touches_nothing_else() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Run r = demo(
                    "--ami-port",
                    Integer.toString(port),
                    "--web-port",
                    "0",
                    "--dataserver-port",
                    "0",
                    "--debug-port",
                    "0");
            assertThat(r.exit).as(r.out).isEqualTo(2);
            assertThat(r.out)
                    .contains("ucmkit simulator: AMI port " + port + " on 127.0.0.1 is in use; stop what holds "
                            + "it or choose another with --ami-port (0 = any free port)")
                    .doesNotContain("tour:")
                    .doesNotContain("starting the driver");
        }
    }

    private record Run(int exit, String out) {}

    private static Run demo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "ci/demo.sh", "--tour"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("demo", ".out");
        Process p = new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroy();
            throw new AssertionError("the demo did not end within 5 min: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
