package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The service checks before it claims: an invalid configuration is exit 2 with every problem
 * listed, and a busy HTTP port is exit 2 with one line naming the port and its flag — both before
 * any PBX is contacted (the AMI address here accepts connections, and none is made).
 */
class StartupChecksIT {

    @Test
    void an_invalid_configuration_exits_2_listing_every_problem() {
        Result r = run("--port", "0");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err)
                .contains(
                        "invalid configuration, nothing started:",
                        "address is missing",
                        "username is missing",
                        "password is missing",
                        "port must be 1-65535, was 0");
    }

    @Test
    void a_busy_dataserver_port_exits_2_naming_the_port_and_the_flag_before_any_login() throws Exception {
        try (ServerSocket pbx = new ServerSocket(0);
                ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("startup");
            java.nio.file.Path config =
                    java.nio.file.Files.writeString(dir.resolve("driver.yaml"), "password: amiadmin1\n");
            Result r = run(
                    "--config",
                    config.toString(),
                    "--address",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(pbx.getLocalPort()),
                    "--username",
                    "amiadmin",
                    "--dataserver-port",
                    Integer.toString(taken.getLocalPort()),
                    "--debug-port",
                    "0",
                    "--data-dir",
                    dir.toString());
            assertThat(r.exit).isEqualTo(2);
            assertThat(r.err.strip())
                    .isEqualTo(
                            "ucmkit driver: dataserver port " + taken.getLocalPort()
                                    + " on 127.0.0.1 is in use; stop what holds it or choose another with --dataserver-port (0 = any free port)");
            pbx.setSoTimeout(200);
            org.assertj.core.api.Assertions.assertThatThrownBy(pbx::accept)
                    .as("no connection to the PBX")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void version_prints_the_name_and_what_it_was_built_from() {
        Result r = run("--version");
        assertThat(r.exit).isZero();
        assertThat(r.out).startsWith("ucmkit driver ").contains("(commit ");
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
            int exit = new CommandLine(new DriverMain()).execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
