package io.ucmkit.features.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The preflight against a simulator whose AMI users have the classes of the demo PBX and a few
 * restricted ones (the simulator grants per user what a UCM's AMI user page grants).
 */
class AmiPreflightTest {

    /** A user lacking read 'call' never gets the probe event: the wait for it is this bound, kept short here. */
    private static final Duration PROBE_WAIT = Duration.ofMillis(300);

    private static final List<String> LOCAL = List.of("127.0.0.1/255.255.255.255");
    private static UcmSimulator simulator;

    @BeforeAll
    static void start() {
        PbxConfig config = PbxConfigLoader.defaults()
                .withAmiUser(new AmiUserConfig(
                        "noevents", "noevents1", LOCAL, List.of("system"), List.of("call", "originate")))
                .withAmiUser(new AmiUserConfig("readonly", "readonly1", LOCAL, List.of("call"), List.of()));
        simulator = UcmSimulator.builder()
                .amiPort(0)
                .authFailureDelay(Duration.ZERO)
                .config(config)
                .start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static List<String> problems(String user, String secret, List<AmiPreflight.Need> needs) {
        return AmiPreflight.problems("127.0.0.1", simulator.amiPort(), user, secret, needs, PROBE_WAIT);
    }

    @Test
    void a_user_with_every_class_passes() {
        List<AmiPreflight.Need> needs = new ArrayList<>(AmiPreflight.TARGET_USER);
        needs.add(AmiPreflight.RESTART);
        assertThat(problems("amiadmin", "amiadmin1", needs)).isEmpty();
    }

    @Test
    void the_call_only_user_passes_as_the_restricted_user_and_lacks_originate_as_the_target_user() {
        assertThat(problems("amireader", "amireader1", AmiPreflight.RESTRICTED_USER))
                .isEmpty();
        assertThat(problems("amireader", "amireader1", AmiPreflight.TARGET_USER))
                .containsExactly(
                        "the AMI user 'amireader' lacks write class 'originate' (ListCommands offers no Originate): Call Phone and Barge"
                                + " cannot pass");
    }

    @Test
    void a_user_that_reads_no_call_events_is_named_with_the_class_and_what_it_breaks() {
        assertThat(problems("noevents", "noevents1", AmiPreflight.TARGET_USER))
                .containsExactly(
                        "the AMI user 'noevents' lacks read class 'call' (no PresenceStateChange within 300 ms of setting"
                                + " CustomPresence:ucmkit-preflight): scenarios needing call, extension-state or presence events cannot pass");
    }

    @Test
    void a_user_that_may_write_nothing_lacks_every_write_class_and_its_reading_is_not_known() {
        assertThat(problems("readonly", "readonly1", AmiPreflight.TARGET_USER))
                .containsExactly(
                        "the AMI user 'readonly' lacks write class 'originate' (ListCommands offers no Originate): Call Phone and Barge"
                                + " cannot pass",
                        "the AMI user 'readonly' lacks write class 'call' (ListCommands offers no Setvar): presence set over AMI and the"
                                + " driver's channel actions cannot pass",
                        "the AMI user 'readonly' may not write 'call', so whether it reads 'call' is not known: scenarios needing call,"
                                + " extension-state or presence events cannot pass");
    }

    @Test
    void a_refused_login_is_one_problem_and_the_secret_is_not_in_it() {
        assertThat(problems("amiadmin", "wrong-secret", AmiPreflight.TARGET_USER))
                .containsExactly("the AMI user 'amiadmin' cannot log in to 127.0.0.1:" + simulator.amiPort()
                        + ": Authentication failed");
    }

    @Test
    void the_probe_presence_touches_no_extension() {
        problems("amiadmin", "amiadmin1", AmiPreflight.TARGET_USER);
        assertThat(simulator.admin().extension("1000").presence()).isEqualTo("available");
        assertThat(AmiPreflight.PROBE_PRESENTITY).doesNotMatch("CustomPresence:[0-9]+");
    }
}
