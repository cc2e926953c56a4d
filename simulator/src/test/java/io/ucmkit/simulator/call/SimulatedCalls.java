package io.ucmkit.simulator.call;

import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The real simulator (AMI server, PBX model, call engine) on a free port with the scenario PBX of
 * {@code call-scenarios-pbx.yaml} and a clock the test moves by hand.
 */
final class SimulatedCalls implements AutoCloseable {

    static final String USER = "amiadmin";
    static final String SECRET = "amiadmin1";

    final ManualTime clock = new ManualTime();
    final UcmSimulator sim;

    SimulatedCalls() {
        sim = UcmSimulator.builder()
                .amiPort(0)
                .authFailureDelay(Duration.ZERO)
                .config(PbxConfigLoader.parse(pbx()))
                .clock(clock.clock())
                .scheduler(clock)
                .start();
    }

    private static String pbx() {
        try (InputStream in = SimulatedCalls.class.getResourceAsStream("/call-scenarios-pbx.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return sim.amiPort();
    }

    Admin admin() {
        return sim.admin();
    }

    @Override
    public void close() {
        sim.close();
    }
}
