package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.ucmkit.features.support.DriverService;
import io.ucmkit.features.support.Pbx;
import java.time.Duration;
import java.util.List;

/** The driver's debug tools (live log on the debug port): useful to an installer, never a leak of the AMI password. */
public final class DebugLogSteps {

    private final Pbx pbx;
    private final DriverService driver;

    public DebugLogSteps(Pbx pbx, DriverService driver) {
        this.pbx = pbx;
        this.driver = driver;
    }

    @Then("the driver's debug log shows a line with {string}")
    public void showsLine(String text) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(messages()).anySatisfy(m -> assertThat(m).contains(text)));
    }

    @Then("the driver's debug log shows the Login action with {string}")
    public void showsLogin(String header) {
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(messages())
                        .anySatisfy(m -> assertThat(m).contains("Action: Login").contains(header)));
    }

    @Then("the driver's debug log never shows the AMI password")
    public void neverShowsPassword() {
        String password = pbx.target().password();
        assertThat(messages())
                .as("debug log")
                .isNotEmpty()
                .noneSatisfy(m -> assertThat(m).contains(password));
    }

    private List<String> messages() {
        return driver.logRecords().stream().map(JsonNode::toString).toList();
    }
}
