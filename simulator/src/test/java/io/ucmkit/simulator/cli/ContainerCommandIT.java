package io.ucmkit.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ucmkit.ami.testing.AmiTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The simulator image's start command, run as the image runs it: the Dockerfile's ENTRYPOINT and
 * ENV (read from the Dockerfile itself) against the jar the build just made, plus free ports. A
 * client from another host (127.0.0.2, which the demo users' 127.0.0.1 permit list does not
 * cover) logs in only because the image sets UCMKIT_PERMIT_ANY; without it the login is refused
 * and the simulator logs why.
 */
class ContainerCommandIT {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path JAR = Path.of("target", "ucmkit-simulator.jar");

    @Test
    void the_images_command_serves_ami_and_the_control_api_and_accepts_logins_from_any_host() throws Exception {
        try (Simulator sim = Simulator.start(true)) {
            sim.awaitOutput("AMI logins accepted from any host");
            HttpResponse<String> extensions = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.webPort + "/api/v1/extensions"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(extensions.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(extensions.body()).size()).isEqualTo(10);
            assertThat(loginFromAnotherHost(sim.amiPort)).contains("Authentication accepted");
        }
    }

    @Test
    void without_permit_any_a_login_from_another_host_is_refused_and_the_simulator_says_why() throws Exception {
        try (Simulator sim = Simulator.start(false)) {
            assertThat(loginFromAnotherHost(sim.amiPort)).contains("Authentication failed");
            sim.awaitOutput("AMI login refused for user 'amiadmin' from 127.0.0.2: IP not permitted");
        }
    }

    private static String loginFromAnotherHost(int port) throws Exception {
        try (AmiTestClient c =
                AmiTestClient.builder(port).localAddress("127.0.0.2").connect()) {
            c.send("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\n\r\n");
            return c.nextText() + c.nextAnswerText();
        }
    }

    /** The simulator process started with the Dockerfile's ENTRYPOINT (the jar path mapped to the build's). */
    private static final class Simulator implements AutoCloseable {
        private static final Pattern PORTS = Pattern.compile("AMI on [^:]+:(\\d+), dashboard http://[^:]+:(\\d+)/");
        private final Process process;
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;
        int amiPort;
        int webPort;

        private Simulator(Process process) {
            this.process = process;
            this.reader = new Thread(
                    () -> {
                        try (BufferedReader r = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = r.readLine()) != null; ) {
                                synchronized (output) {
                                    output.append(line).append('\n');
                                    output.notifyAll();
                                }
                            }
                        } catch (java.io.IOException ignored) {
                            // the process ended
                        }
                        synchronized (output) {
                            output.notifyAll();
                        }
                    },
                    "simulator-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Simulator start(boolean withImageEnv) throws Exception {
            String dockerfile = Files.readString(DOCKERFILE);
            List<String> command = new ArrayList<>();
            for (String word : jsonArray(dockerfile, "ENTRYPOINT")) {
                command.add(
                        word.equals("java")
                                ? Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString()
                                : word.equals("/app/ucmkit-simulator.jar") ? JAR.toString() : word);
            }
            command.addAll(List.of("--ami-port", "0", "--web-port", "0"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().remove("UCMKIT_PERMIT_ANY");
            if (withImageEnv) {
                Matcher env = Pattern.compile("(?m)^ENV (\\w+)=(\\S+)$").matcher(dockerfile);
                while (env.find()) {
                    pb.environment().put(env.group(1), env.group(2));
                }
            }
            Simulator sim = new Simulator(pb.start());
            Matcher ports = PORTS.matcher(sim.awaitOutput("dashboard http"));
            assertThat(ports.find()).as("the printed ports: %s", sim.output()).isTrue();
            sim.amiPort = Integer.parseInt(ports.group(1));
            sim.webPort = Integer.parseInt(ports.group(2));
            return sim;
        }

        private static List<String> jsonArray(String dockerfile, String instruction) throws Exception {
            Matcher m = Pattern.compile("(?m)^" + instruction + " (\\[.*])$").matcher(dockerfile);
            assertThat(m.find()).as("%s in the Dockerfile", instruction).isTrue();
            return List.of(new ObjectMapper().readValue(m.group(1), String[].class));
        }

        /** Everything printed so far, once it contains {@code text} (20 s at most). */
        String awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            synchronized (output) {
                while (output.indexOf(text) < 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !reader.isAlive()) {
                        throw new AssertionError("no '" + text + "' in the simulator's output:\n" + output);
                    }
                    output.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
                return output.toString();
            }
        }

        String output() {
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
