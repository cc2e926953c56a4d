package io.ucmkit.features.support;

import io.ucmkit.simulator.UcmSimulator;
import java.time.Duration;

/**
 * The PBX under test for one scenario (picocontainer creates one per scenario): the external
 * target when {@code ucmkit.target} is set, otherwise one in-process simulator shared by the
 * whole run and reset before each scenario (starting one per scenario would cost seconds).
 */
public final class Pbx {

    private static final Target EXTERNAL = Target.fromSystemProperty();
    private static UcmSimulator shared;

    private final Target target;

    public Pbx() {
        if (EXTERNAL != null) {
            target = EXTERNAL;
            return;
        }
        UcmSimulator simulator = sharedSimulator();
        simulator.admin().reset();
        target = new Target("127.0.0.1", simulator.amiPort(), "amiadmin", "amiadmin1", true);
    }

    private static synchronized UcmSimulator sharedSimulator() {
        if (shared == null) {
            // the failed-login delay is Asterisk's 1 s on hardware; the suite does not need to wait for it
            shared = UcmSimulator.builder().amiPort(0).webPort(0).authFailureDelay(Duration.ZERO).start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "simulator-stop"));
        }
        return shared;
    }

    public Target target() {
        return target;
    }

    /** The in-process simulator; only @simulator-only scenarios may ask for it. */
    public UcmSimulator simulator() {
        if (!target.inProcess()) {
            throw new IllegalStateException("this step acts as the PBX administrator or a phone user: tag the scenario @simulator-only");
        }
        return shared;
    }

    /** How long an answer may take: a real UCM delays failed logins by about a second. */
    public Duration answerTimeout() {
        return target.inProcess() ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
    }
}
