package io.ucmkit.simulator.cli;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The standalone runner: {@code java -jar ucmkit-simulator.jar [--config f] [--ami-port 7777] …}. */
@Command(
        name = "ucmkit simulator",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "A fake Grandstream UCM6XXX: AMI server and HTTP control API.")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--config", description = "PBX config (YAML or JSON); default: the embedded demo PBX")
    Path config;

    @Option(
            names = "--ami-port",
            defaultValue = "7777",
            description = "AMI port, 0 = free port (default ${DEFAULT-VALUE})")
    int amiPort;

    @Option(
            names = "--web-port",
            defaultValue = "8089",
            description = "control API port, 0 = free port (default ${DEFAULT-VALUE})")
    int webPort;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(
            names = "--asterisk",
            description = "emulated Asterisk: 20 (AMI 9.0.0) or 13 (AMI 2.10.6); default from the config")
    Integer asterisk;

    @Option(
            names = "--permit-any",
            description = "accept AMI logins from any host, ignoring the users' permit lists"
                    + " (for a container; also UCMKIT_PERMIT_ANY=true)")
    boolean permitAny;

    /** The levels and formats of {@code ucmkit-simulator-logback.xml}; set before Logback starts (parsing runs first). */
    enum LogLevel {
        ERROR,
        WARN,
        INFO,
        DEBUG,
        TRACE
    }

    enum LogFormat {
        TEXT,
        JSON
    }

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            description =
                    "level of the simulator's own log: ERROR, WARN, INFO (default), DEBUG (every AMI action) or TRACE")
    void logLevel(LogLevel level) {
        System.setProperty("ucmkit.log.level", level.name());
    }

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description = "text (default) or json (one JSON object per line)")
    void logFormat(LogFormat format) {
        System.setProperty("ucmkit.log.format", format.name().toLowerCase(java.util.Locale.ROOT));
    }

    public static void main(String[] args) {
        // The simulator's logging config has its own name, so a project that embeds the simulator
        // (its JUnit extension) never gets a root logback.xml from this jar; the main asks for it.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ucmkit-simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    /** A start that failed because a port is taken, as one line naming the port and its flag; else null. */
    private String busyPort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || String.valueOf(t.getMessage()).contains("Address already in use")) {
                boolean ami = !String.valueOf(e.getMessage()).startsWith("control API");
                return ami
                        ? "AMI port " + amiPort + " on " + bind
                                + " is in use; stop what holds it or choose another with --ami-port (0 = any free port)"
                        : "control API port " + webPort + " on " + bind
                                + " is in use; stop what holds it or choose another with --web-port (0 = any free port)";
            }
        }
        return null;
    }

    @Override
    public Integer call() throws InterruptedException {
        UcmSimulator sim;
        boolean anyHost = permitAny || "true".equalsIgnoreCase(System.getenv("UCMKIT_PERMIT_ANY"));
        try {
            PbxConfig c = config == null ? PbxConfigLoader.defaults() : PbxConfigLoader.load(config);
            UcmSimulator.Builder b = UcmSimulator.builder()
                    .config(c)
                    .amiPort(amiPort)
                    .webPort(webPort)
                    .bind(bind)
                    .permitAnyHost(anyHost);
            if (asterisk != null) {
                b.asteriskVersion(asterisk);
            }
            sim = b.start();
        } catch (Exception e) {
            String busy = busyPort(e);
            System.err.println("ucmkit simulator: " + (busy != null ? busy : e.getMessage()));
            return 2;
        }
        String web = "http://" + bind + ":" + sim.webPort();
        System.out.println("ucmkit simulator: AMI on " + bind + ":" + sim.amiPort() + ", dashboard " + web + "/"
                + ", control API " + web + "/api/v1/extensions");
        // The demo PBX's passwords are public (README); a user's own config's never reach the output.
        sim.amiUsers().forEach((u, s) -> System.out.println("  AMI user " + u + (config == null ? " / " + s : "")));
        if (anyHost) {
            System.out.println("  AMI logins accepted from any host (--permit-any)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
