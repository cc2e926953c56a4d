package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.ucmkit.features.support.CommandResult;

/** How the dataserver answered the last command: the HTTP status and its message, as an integration reads them. */
public final class CommandAnswerSteps {

    private final CommandResult result;

    public CommandAnswerSteps(CommandResult result) {
        this.result = result;
    }

    @Then("the command is refused with status {int} and a message mentioning {string}")
    public void refused(int status, String text) {
        assertThat(result.get().status()).as("answer %s", result.get()).isEqualTo(status);
        assertThat(result.get().text("error"))
                .as("error message of %s", result.get())
                .contains(text);
    }

    @Then("the command is answered with status {int}")
    public void answered(int status) {
        assertThat(result.get().status()).as("answer %s", result.get()).isEqualTo(status);
    }
}
