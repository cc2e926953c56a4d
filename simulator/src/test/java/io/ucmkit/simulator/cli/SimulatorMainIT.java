package io.ucmkit.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The simulator's command line: a busy port is one line naming it and its flag, exit 2; --version answers. */
class SimulatorMainIT {

    @Test
    void a_busy_ami_port_exits_2_naming_the_port_and_the_flag() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Result r = run("--ami-port", Integer.toString(port), "--web-port", "0");
            assertThat(r.exit).isEqualTo(2);
            assertThat(r.err.strip())
                    .isEqualTo(
                            "ucmkit simulator: AMI port " + port
                                    + " on 127.0.0.1 is in use; stop what holds it or choose another with --ami-port (0 = any free port)");
        }
    }

    @Test
    void a_busy_control_api_port_exits_2_naming_the_port_and_the_flag() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            Result r = run("--ami-port", "0", "--web-port", Integer.toString(port));
            assertThat(r.exit).isEqualTo(2);
            assertThat(r.err.strip())
                    .isEqualTo(
                            "ucmkit simulator: control API port " + port
                                    + " on 127.0.0.1 is in use; stop what holds it or choose another with --web-port (0 = any free port)");
        }
    }

    @Test
    void version_prints_the_name_and_what_it_was_built_from() {
        Result r = run("--version");
        assertThat(r.exit).isZero();
        assertThat(r.out).startsWith("ucmkit simulator ").contains("(commit ");
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Result(
                    new CommandLine(new SimulatorMain()).execute(args),
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
