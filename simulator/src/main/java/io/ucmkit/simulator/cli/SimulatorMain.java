package io.ucmkit.simulator.cli;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigException;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The standalone runner: {@code java -jar ucmkit-simulator.jar [--config f] [--ami-port 7777] …}. */
@Command(name = "ucmkit simulator", mixinStandardHelpOptions = true,
    description = "A fake Grandstream UCM6XXX: AMI server and HTTP control API.")
public final class SimulatorMain implements Callable<Integer> {

  @Option(names = "--config", description = "PBX config (YAML or JSON); default: the embedded demo PBX")
  Path config;

  @Option(names = "--ami-port", defaultValue = "7777", description = "AMI port, 0 = free port (default ${DEFAULT-VALUE})")
  int amiPort;

  @Option(names = "--web-port", defaultValue = "8089", description = "control API port, 0 = free port (default ${DEFAULT-VALUE})")
  int webPort;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on (default ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--asterisk", description = "emulated Asterisk: 20 (AMI 9.0.0) or 13 (AMI 2.10.6); default from the config")
  Integer asterisk;

  @Option(names = "--permit-any", description = "accept AMI logins from any host, ignoring the users' permit lists"
      + " (for a container; also UCMKIT_PERMIT_ANY=true)")
  boolean permitAny;

  public static void main(String[] args) {
    // The simulator's logging config has its own name, so a project that embeds the simulator
    // (its JUnit extension) never gets a root logback.xml from this jar; the main asks for it.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "ucmkit-simulator-logback.xml");
    }
    System.exit(new CommandLine(new SimulatorMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    UcmSimulator sim;
    boolean anyHost = permitAny || "true".equalsIgnoreCase(System.getenv("UCMKIT_PERMIT_ANY"));
    try {
      PbxConfig c = config == null ? PbxConfigLoader.defaults() : PbxConfigLoader.load(config);
      UcmSimulator.Builder b = UcmSimulator.builder().config(c).amiPort(amiPort).webPort(webPort).bind(bind)
          .permitAnyHost(anyHost);
      if (asterisk != null) {
        b.asteriskVersion(asterisk);
      }
      sim = b.start();
    } catch (PbxConfigException | IllegalArgumentException | IllegalStateException e) {
      System.err.println("ucmkit simulator: " + e.getMessage());
      return 2;
    }
    String web = "http://" + bind + ":" + sim.webPort();
    System.out.println("ucmkit simulator: AMI on " + bind + ":" + sim.amiPort() + ", dashboard " + web + "/"
        + ", control API " + web + "/api/v1/extensions");
    sim.amiUsers().forEach((u, s) -> System.out.println("  AMI user " + u + " / " + s));
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
