package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.NetworkLink;
import io.ucmkit.features.support.Pbx;
import io.ucmkit.simulator.admin.AmiUserInfo;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigException;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The PBX and the network as a whole: a UCM of the scenario's own that restarts, runs an older
 * Asterisk or a clock the scenario moves; the UCM administrator's configuration; the network
 * between the driver and the PBX going down or stalling.
 */
public final class PbxSteps {

    private final Pbx pbx;
    private final NetworkLink link;
    private String configuration;

    public PbxSteps(Pbx pbx, NetworkLink link) {
        this.pbx = pbx;
        this.link = link;
    }

    @Given("a PBX started for this scenario only")
    public void ownPbx() {
        pbx.startOwn(options -> options);
    }

    @Given("a PBX based on Asterisk {int} started for this scenario only")
    public void ownPbxOnAsterisk(int version) {
        pbx.startOwn(options -> options.asteriskVersion(version));
    }

    @Given("a PBX with SIP channels, as older UCMs have, started for this scenario only")
    public void ownPbxWithSipChannels() throws Exception {
        // the demo PBX's own configuration file, with chan_sip's SIP/ channels instead of PJSIP/
        String yaml;
        try (InputStream in = PbxConfigLoader.class.getResourceAsStream("/io/ucmkit/simulator/default-pbx.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(yaml).contains("channelTech: PJSIP");
        PbxConfig config = PbxConfigLoader.parse(yaml.replace("channelTech: PJSIP", "channelTech: SIP"));
        pbx.startOwn(options -> options.config(config));
    }

    @Given("a PBX whose clock the scenario moves, started for this scenario only")
    public void ownPbxWithManualClock() {
        pbx.startOwnWithManualClock();
    }

    @Given("a PBX that the scenario may restart")
    public void restartablePbx() {
        if (pbx.target().inProcess()) {
            pbx.startOwn(options -> options); // the shared simulator serves every scenario: this one gets its own
        }
        // a real PBX is restarted by its administrator's CLI command, over AMI
    }

    @When("the PBX restarts")
    public void restarts() {
        pbx.restart();
    }

    /**
     * The simulator: one of the scenario's own whose clock the scenario moves. A real PBX: its own
     * clock, so its timeouts pass in real time, and the steps after "N seconds pass" allow for them.
     */
    @Given("a PBX whose ring timeouts the scenario waits for")
    public void pbxWithTimeouts() {
        if (pbx.target().inProcess()) {
            pbx.startOwnWithManualClock();
        }
    }

    @When("{int} seconds pass on the PBX")
    public void secondsPass(int seconds) {
        if (pbx.target().inProcess()) {
            pbx.advance(Duration.ofSeconds(seconds));
        } else {
            pbx.allowFor(Duration.ofSeconds(seconds)); // no waiting here: the next step's await lasts that much longer
        }
    }

    @When("the PBX shuts down")
    public void shutsDown() {
        pbx.shutDown();
    }

    @When("the PBX starts again on the same port")
    public void startsAgain() {
        pbx.startAgain();
    }

    @When("the UCM administrator saves the AMI user {string} unchanged")
    public void savesAmiUser(String username) {
        AmiUserInfo user = pbx.savable(pbx.admin().amiUser(username).orElseThrow());
        pbx.admin().saveAmiUser(user);
    }

    @When("the network between the driver and the PBX goes down")
    public void networkDown() {
        link.goDown();
    }

    @When("the network between the driver and the PBX stalls")
    public void networkStalls() {
        link.stall();
    }

    @When("the network between the driver and the PBX is back")
    public void networkBack() {
        link.restore();
    }

    @When("the UCM administrator loads this PBX configuration:")
    public void loadsConfiguration(String yaml) {
        configuration = yaml;
    }

    @Then("the configuration is refused because {string}")
    public void refused(String why) {
        assertThatThrownBy(() -> PbxConfigLoader.parse(configuration))
                .isInstanceOf(PbxConfigException.class)
                .hasMessageContaining(why);
    }

    @Then("the configuration is accepted with {int} extensions")
    public void accepted(int extensions) {
        assertThat(PbxConfigLoader.parse(configuration).extensions()).hasSize(extensions);
    }
}
