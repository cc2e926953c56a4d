package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.Pbx;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.admin.WatcherKeyInfo;
import java.util.List;

/**
 * Presence as UCM users set it — in the web user portal or with the presence feature code on
 * their phone — and as the watching phones' keys show it ("SIP Presence Guide" LED tables).
 * Acting as a user needs the simulator.
 */
public final class PresenceSteps {

    private final Pbx pbx;
    private final PhoneSteps phones;

    public PresenceSteps(Pbx pbx, PhoneSteps phones) {
        this.pbx = pbx;
        this.phones = phones;
    }

    @Given("extension {extension} sets its presence to {presenceStatus} in the user portal")
    public void setsPresence(String extension, String status) {
        pbx.setPresence(extension, status, status.equals("custom") ? "Custom" : null);
    }

    @Given("extension {extension} sets a custom presence {string} in the user portal")
    public void setsCustomPresence(String extension, String text) {
        pbx.setPresence(extension, "custom", text);
    }

    @Then("a custom presence of {int} characters for extension {extension} is refused because {string}")
    public void customTooLong(int length, String extension, String why) {
        assertThatThrownBy(() -> pbx.admin().setPresence(extension, PresenceStatus.CUSTOM, "x".repeat(length)))
                .isInstanceOfSatisfying(
                        SimulatorException.class,
                        e -> assertThat(e.kind()).isEqualTo(SimulatorException.Kind.INVALID_VALUE))
                .hasMessageContaining(why);
    }

    @When("extension {extension} dials the presence feature code {string} and presses {string}")
    public void featureCode(String extension, String code, String option) {
        phones.dials(extension, code);
        phones.presses(extension, option);
    }

    @Then("the user portal shows extension {extension} as {presenceStatus}")
    public void portalShows(String extension, String status) {
        // a phone's feature code call ends on its own time on a real PBX: wait for what it sets
        await().atMost(pbx.answerTimeout())
                .untilAsserted(() -> assertThat(pbx.presenceShown(extension)).isEqualTo(status));
    }

    @Then("the {word} key of phone {extension} watching extension {extension} is lit {string}")
    public void keyLed(String type, String phone, String monitored, String led) {
        List<WatcherKeyInfo> keys = pbx.admin().watchers().stream()
                .filter(k -> k.phone().equals(phone)
                        && k.type().equals(type)
                        && k.monitors().equals(monitored))
                .toList();
        assertThat(keys)
                .as(
                        "%s keys of phone %s watching %s among %s",
                        type, phone, monitored, pbx.admin().watchers())
                .hasSize(1);
        assertThat(keys.get(0).led()).as("LED of %s", keys.get(0)).isEqualTo(led);
    }

    @Then("phone {extension} is a {word}")
    public void model(String phone, String model) {
        assertThat(pbx.admin().extension(phone).model()).isEqualTo(model);
    }
}
