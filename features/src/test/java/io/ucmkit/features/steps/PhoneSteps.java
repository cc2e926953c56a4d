package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.phones.PhoneBehaviour;
import io.ucmkit.features.phones.Phones;
import io.ucmkit.features.phones.Phones.CallerId;
import io.ucmkit.features.support.Pbx;
import java.util.Optional;

/**
 * What the people at the phones do — pick up, reject, hang up, dial, press keys — and what their
 * phones show: the simulator's phones, or soft phones registered on a real PBX
 * ({@link io.ucmkit.features.phones.Phones}). These steps belong to {@code @phones} scenarios.
 */
public final class PhoneSteps {

    private final Pbx pbx;

    public PhoneSteps(Pbx pbx) {
        this.pbx = pbx;
    }

    private Phones phones() {
        return pbx.phones();
    }

    @Given("the phone of extension {extension} {phoneBehaviour}")
    public void behaves(String extension, PhoneBehaviour behaviour) {
        phones().behave(extension, behaviour);
    }

    @When("extension {extension} answers")
    public void answers(String extension) {
        awaitRinging(extension);
        phones().answer(extension);
    }

    @When("extension {extension} rejects the call")
    public void rejects(String extension) {
        awaitRinging(extension);
        phones().reject(extension);
    }

    @When("extension {extension} hangs up")
    public void hangsUp(String extension) {
        await().atMost(pbx.answerTimeout()).until(() -> phones().hasCall(extension));
        phones().hangUp(extension);
    }

    @When("extension {extension} dials {string}")
    public void dials(String extension, String number) {
        phones().dial(extension, number);
    }

    @When("extension {extension} presses {string}")
    public void presses(String extension, String digits) {
        await().atMost(pbx.answerTimeout()).until(() -> phones().inCall(extension));
        phones().sendDtmf(extension, digits);
    }

    @When("extension {extension} calls extension {extension} and it answers")
    public void callsAndAnswered(String caller, String callee) {
        phones().behave(callee, PhoneBehaviour.ANSWERED_BY_HAND);
        dials(caller, callee);
        answers(callee);
        talking(caller, callee);
    }

    @Then("phone {extension} rings")
    public void rings(String extension) {
        awaitRinging(extension);
    }

    @Then("phone {extension} rings showing {string} on line 1 and {string} on line 2")
    public void ringsShowing(String extension, String line1, String line2) {
        CallerId shown = awaitRinging(extension);
        assertThat(shown.name())
                .as("line 1 (caller ID name) on phone %s", extension)
                .isEqualTo(line1);
        assertThat(shown.number())
                .as("line 2 (caller ID number) on phone %s", extension)
                .isEqualTo(line2);
    }

    @Then("extension {extension} is talking to extension {extension}")
    public void talking(String one, String other) {
        await().atMost(pbx.answerTimeout())
                .untilAsserted(() -> assertThat(phones().talking(one, other))
                        .as("%s talking to %s; phones: %s", one, other, phones())
                        .isTrue());
    }

    @Then("extension {extension} is in the call of extension {extension} in {word} mode")
    public void spying(String spyer, String spied, String mode) {
        await().atMost(pbx.answerTimeout())
                .untilAsserted(() -> assertThat(phones().spyMode(spyer, spied))
                        .as("%s in %s's call; phones: %s", spyer, spied, phones())
                        .contains(mode));
    }

    @Then("extension {extension} has no call")
    public void noCall(String extension) {
        await().atMost(pbx.answerTimeout())
                .untilAsserted(() -> assertThat(phones().hasCall(extension))
                        .as("%s has a call; phones: %s", extension, phones())
                        .isFalse());
    }

    @Then("no phone has a call")
    public void noCalls() {
        await().atMost(pbx.answerTimeout())
                .untilAsserted(() -> assertThat(phones().anyCall())
                        .as("a phone has a call: %s", phones())
                        .isFalse());
    }

    private CallerId awaitRinging(String extension) {
        return await("phone " + extension + " ringing")
                .atMost(pbx.answerTimeout())
                .until(() -> phones().ringing(extension), Optional::isPresent)
                .get();
    }
}
