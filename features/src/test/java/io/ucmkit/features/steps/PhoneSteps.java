package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.Pbx;
import io.ucmkit.simulator.call.Calls.ChannelView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the people at the phones do — pick up, reject, hang up, dial, press keys — and what their
 * phones show. Only the simulator lets the suite act as them: these steps belong to
 * {@code @simulator-only} scenarios.
 */
public final class PhoneSteps {

    private final Pbx pbx;

    public PhoneSteps(Pbx pbx) {
        this.pbx = pbx;
    }

    @Given("the phone of extension {extension} {phoneBehaviour}")
    public void behaves(String extension, String behaviour) {
        if (behaviour.equals("unregistered")) {
            pbx.admin().setRegistered(extension, false);
        } else {
            pbx.admin().setAnswerMode(extension, behaviour, 0);
        }
    }

    @When("extension {extension} answers")
    public void answers(String extension) {
        awaitRinging(extension);
        pbx.admin().answer(extension);
    }

    @When("extension {extension} rejects the call")
    public void rejects(String extension) {
        awaitRinging(extension);
        pbx.admin().decline(extension);
    }

    @When("extension {extension} hangs up")
    public void hangsUp(String extension) {
        await().atMost(pbx.answerTimeout()).until(() -> !channelsOf(extension).isEmpty());
        pbx.admin().hangup(extension);
    }

    @When("extension {extension} dials {string}")
    public void dials(String extension, String number) {
        pbx.admin().dial(extension, number);
    }

    @When("extension {extension} presses {string}")
    public void presses(String extension, String digits) {
        await().atMost(pbx.answerTimeout()).until(() -> channelsOf(extension).stream().anyMatch(c -> "Up".equals(c.state())));
        pbx.admin().dtmf(extension, digits);
    }

    @When("extension {extension} calls extension {extension} and it answers")
    public void callsAndAnswered(String caller, String callee) {
        pbx.admin().setAnswerMode(callee, "manual", 0);
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
        ChannelView ringing = awaitRinging(extension);
        // What a phone shows for an incoming call is the channel's connected line (the INVITE's From, AMI.md §7.7).
        assertThat(ringing.connectedLineName()).as("line 1 (caller ID name) on %s", ringing).isEqualTo(line1);
        assertThat(ringing.connectedLineNum()).as("line 2 (caller ID number) on %s", ringing).isEqualTo(line2);
    }

    @Then("extension {extension} is talking to extension {extension}")
    public void talking(String one, String other) {
        await().atMost(pbx.answerTimeout()).untilAsserted(() -> {
            List<ChannelView> calls = pbx.admin().calls();
            ChannelView leg = calls.stream().filter(c -> one.equals(c.extension()) && c.bridgedWith() != null)
                    .findFirst().orElseThrow(() -> new AssertionError(one + " is in no bridged call: " + calls));
            assertThat(leg.bridgedWith()).as("%s's peer in %s", one, calls).startsWith("PJSIP/" + other + "-");
        });
    }

    @Then("extension {extension} is in the call of extension {extension} in {word} mode")
    public void spying(String spyer, String spied, String mode) {
        await().atMost(pbx.answerTimeout()).untilAsserted(() -> {
            List<ChannelView> legs = channelsOf(spyer);
            assertThat(legs).as("channels of %s", spyer).anySatisfy(leg -> {
                assertThat(leg.spying()).as("the channel %s spies on", leg.channel()).startsWith("PJSIP/" + spied + "-");
                assertThat(leg.spyMode()).as("spy mode of %s", leg.channel()).isEqualTo(mode);
            });
        });
    }

    @Then("extension {extension} has no call")
    public void noCall(String extension) {
        await().atMost(pbx.answerTimeout()).untilAsserted(() -> assertThat(channelsOf(extension)).isEmpty());
    }

    @Then("no phone has a call")
    public void noCalls() {
        await().atMost(pbx.answerTimeout()).untilAsserted(() -> assertThat(pbx.admin().calls()).isEmpty());
    }

    private ChannelView awaitRinging(String extension) {
        return await().atMost(pbx.answerTimeout()).until(() -> channelsOf(extension).stream()
                .filter(c -> "Ringing".equals(c.state())).findFirst(), Optional::isPresent).get();
    }

    private List<ChannelView> channelsOf(String extension) {
        return pbx.admin().calls().stream().filter(c -> extension.equals(c.extension())).toList();
    }
}
