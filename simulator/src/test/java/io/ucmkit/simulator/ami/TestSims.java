package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Simulators for socket tests: free port, no failed-login delay, the transcript PBX by default. */
final class TestSims {

    private TestSims() {}

    static PbxConfig transcriptPbx() {
        try (InputStream in = TestSims.class.getResourceAsStream("/transcript-pbx.yaml")) {
            return PbxConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UcmSimulator.Builder builder() {
        return UcmSimulator.builder().amiPort(0).config(transcriptPbx()).authFailureDelay(Duration.ZERO);
    }
}
