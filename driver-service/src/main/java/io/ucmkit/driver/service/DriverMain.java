package io.ucmkit.driver.service;

import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.LoginMode;
import io.ucmkit.driver.UcmDriver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.scheduler.Schedulers;

/** {@code ./ucmkit driver …}: the driver as a service (dataserver on 9689, debug tools on 9690). */
@Command(
        name = "ucmkit driver",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Connects to a UCM6XXX (or ./ucmkit simulator) over AMI and serves the dataserver API. "
                + "The password comes from UCMKIT_PASSWORD or the config file, never from the command line.")
public final class DriverMain implements Callable<Integer> {

    @Option(names = "--config", description = "YAML or JSON config file")
    Path config;

    @Option(names = "--address", description = "PBX address")
    String address;

    @Option(names = "--port", description = "AMI port (default 7777)")
    Integer port;

    @Option(names = "--username", description = "AMI username")
    String username;

    @Option(names = "--login-mode", description = "MD5 (default), MD5_OR_PLAIN or PLAIN")
    LoginMode loginMode;

    @Option(names = "--tls", description = "AMI over TLS")
    Boolean tls;

    @Option(
            names = "--tls-trust-cert",
            paramLabel = "FILE",
            description = "with --tls: PEM certificate of the PBX (a UCM's is self-signed) or of its CA, trusted "
                    + "instead of the JDK's trust store")
    Path tlsTrustCertificate;

    @Option(names = "--channel-tech", description = "PJSIP (default) or SIP")
    String channelTech;

    @Option(names = "--context", description = "dialplan context for Call Phone (default from-internal)")
    String context;

    @Option(names = "--dataserver-port", description = "dataserver HTTP port (default 9689, 0 = any free port)")
    Integer dataserverPort;

    @Option(names = "--debug-port", description = "debug tools HTTP port (default 9690, 0 = any free port)")
    Integer debugPort;

    @Option(names = "--bind", description = "address the HTTP ports bind to (default 127.0.0.1)")
    String bind;

    @Option(names = "--data-dir", description = "notes and other persisted state (default ./ucmkit-data)")
    Path dataDir;

    /** The levels and formats of {@code ucmkit-driver-logback.xml}; set before Logback starts (parsing runs first). */
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
            description = "level of the driver's own log: ERROR, WARN, INFO (default), DEBUG or TRACE (every AMI "
                    + "message received, secrets masked)")
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

    /** A started service, for tests and embedding. */
    public record Running(UcmDriver driver, int dataserverPort, int debugPort, AutoCloseable closer)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    public static void main(String[] args) {
        // Our own Logback file, so that the library jar never imposes a logback.xml on embedding applications.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "ucmkit-driver-logback.xml");
        }
        System.exit(new CommandLine(new DriverMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Running running;
        try {
            running = start(System.getenv("UCMKIT_PASSWORD"));
        } catch (IllegalArgumentException e) {
            System.err.println("ucmkit driver: " + e.getMessage());
            return 2;
        }
        System.out.println("ucmkit driver: dataserver http://" + bindOr() + ":" + running.dataserverPort()
                + "/api/v1/asset , debug log http://" + bindOr() + ":" + running.debugPort() + "/");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception ignored) {
                // shutting down
            }
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private static void requireFree(String host, int port, String what, String flag) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(what + " port " + port + " on " + host + " is in use; stop what holds it"
                    + " or choose another with " + flag + " (0 = any free port)");
        }
    }

    private String bindOr() {
        return bind != null ? bind : "127.0.0.1";
    }

    /** Builds the configuration (file, then flags, then {@code envPassword}) and starts driver and servers. */
    public Running start(String envPassword) {
        ServiceConfig file = config != null ? ServiceConfig.load(config) : new ServiceConfig();
        if (address != null) file.address = address;
        if (port != null) file.port = port;
        if (username != null) file.username = username;
        if (loginMode != null) file.loginMode = loginMode;
        if (tls != null) file.tls = tls;
        if (tlsTrustCertificate != null) file.tlsTrustCertificate = tlsTrustCertificate.toString();
        if (channelTech != null) file.channelTech = channelTech;
        if (context != null) file.context = context;
        if (dataserverPort != null) file.dataserverPort = dataserverPort;
        if (debugPort != null) file.debugPort = debugPort;
        if (bind != null) file.bind = bind;
        if (dataDir != null) file.dataDir = dataDir.toString();
        if (envPassword != null && !envPassword.isEmpty()) {
            file.password = envPassword;
        }
        DriverConfig driverConfig = file.toDriverConfig();
        if (!driverConfig.problems().isEmpty()) {
            // Fail fast: a service that cannot log in must not look alive to its operator or to CI.
            throw new IllegalArgumentException(
                    "invalid configuration, nothing started:\n  - " + String.join("\n  - ", driverConfig.problems()));
        }
        String host = file.bind != null ? file.bind : "127.0.0.1";
        int dataPort = file.dataserverPort != null ? file.dataserverPort : 9689;
        int debugPort = file.debugPort != null ? file.debugPort : 9690;
        // Both HTTP ports are checked before the PBX is contacted: a busy port is one line, not a login.
        requireFree(host, dataPort, "dataserver", "--dataserver-port");
        requireFree(host, debugPort, "debug log", "--debug-port");
        LogHub hub = LogHub.install(1000);
        ServiceMetrics metrics = new ServiceMetrics();
        UcmDriver driver = UcmDriver.start(
                driverConfig, Path.of(file.dataDir != null ? file.dataDir : "ucmkit-data"), Clock.systemUTC(), metrics);
        metrics.bind(driver);
        EventHistory history = new EventHistory(
                file.eventHistory != null ? file.eventHistory : 1000, System.currentTimeMillis() * 1000);
        Runnable unsubscribe = driver.subscribe(history::append);
        DataServer data = new DataServer(driver, history, host, dataPort, metrics, Schedulers.parallel());
        DebugServer debug = new DebugServer(hub, host, debugPort, metrics, Schedulers.parallel());
        return new Running(driver, data.port(), debug.port(), () -> {
            unsubscribe.run();
            data.close();
            debug.close();
            driver.close();
            hub.uninstall();
        });
    }
}
