package io.ucmkit.bench;

import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.DriverEvent;
import io.ucmkit.driver.SystemAsset;
import io.ucmkit.driver.UcmDriver;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The end-to-end path: an in-process {@link UcmSimulator} on a loopback port and a {@link UcmDriver} logged in
 * to it, as in the driver's {@code SimulatorIT}. A presence change of extension {@value #EXTENSION} is published
 * by the simulator's PBX model — {@code Pbx.setPresence}, the call its admin API and its control API make, which
 * builds the {@code PresenceStateChange} and {@code PresenceStatus} events and hands them to the AMI session on
 * the calling thread — and arrives as a {@code DriverEvent.Presence} at a driver subscriber, after loopback TCP,
 * the driver's decoder, its translator (which reports the change once for the two events), its bounded event
 * queue and its dispatcher thread.
 *
 * <p>Presence is the event the simulator publishes on demand; Call Status needs its call model driven by a
 * phone, which would put the phone simulation in the measured time. The two changes alternate, so each is a
 * change and gives exactly one driver event.
 */
@State(Scope.Thread)
public class SimulatorDriverPath {

    static final String EXTENSION = "1007";
    private static final Presence[] CHANGES = {
        Presence.ofUcm("custom", "In a meeting"), Presence.ofUcm("custom", "Back at 3")
    };

    private UcmSimulator simulator;
    private UcmDriver driver;
    private Path dataDir;
    private final Arrivals arrivals = new Arrivals();
    private long published;

    @Setup(Level.Trial)
    public void start() throws Exception {
        simulator = UcmSimulator.builder()
                .amiPort(0)
                .bind("127.0.0.1")
                .authFailureDelay(Duration.ZERO)
                .start();
        dataDir = Files.createTempDirectory("ucmkit-bench-driver");
        DriverConfig config = DriverConfig.builder()
                .address("127.0.0.1")
                .port(simulator.amiPort())
                .username("amiadmin")
                .password("amiadmin1")
                .build();
        driver = UcmDriver.start(config, dataDir);
        CompletableFuture<Void> normal = new CompletableFuture<>();
        driver.subscribe(event -> {
            if (event instanceof DriverEvent.Presence presence && EXTENSION.equals(presence.extension())) {
                arrivals.add(1);
            } else if (event instanceof DriverEvent.AssetState asset
                    && SystemAsset.TrueState.NORMAL.label().equals(asset.trueState())) {
                normal.complete(null);
            }
        });
        // Connected before the subscription, or its Normal event comes after it.
        if (!driver.isConnected()) {
            normal.get(30, TimeUnit.SECONDS);
        }
    }

    /** The {@code n}th change published: the two values alternate. */
    static Presence change(long n) {
        return CHANGES[(int) (n & 1)];
    }

    /** Publishes one presence change in the simulator. */
    void publish() {
        simulator.pbx().setPresence(EXTENSION, change(published), Pbx.PresenceSource.GUI);
        published++;
    }

    /** Waits until the driver's subscriber has received every change published so far. */
    void awaitDelivered() {
        arrivals.awaitAtLeast(published, "simulator → driver");
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        try {
            if (driver != null) {
                long dropped = driver.droppedEvents();
                driver.close();
                if (dropped > 0) {
                    throw new IllegalStateException("the driver dropped " + dropped + " events");
                }
            }
        } finally {
            if (simulator != null) {
                simulator.close();
            }
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
