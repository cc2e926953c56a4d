package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.DriverService;
import io.ucmkit.features.support.Pbx;
import io.ucmkit.features.support.SseStream;
import java.util.List;
import java.util.Map;

/** The dataserver API beyond commands: health, and an event stream a client resumes after losing it. */
public final class DataServerSteps {

    private final Pbx pbx;
    private final DriverService driver;
    private SseStream resumed;

    public DataServerSteps(Pbx pbx, DriverService driver) {
        this.pbx = pbx;
        this.driver = driver;
    }

    @Then("the dataserver answers GET {string} with {string} = {string}")
    public void answersGet(String path, String field, String value) throws Exception {
        DriverService.Answer answer = driver.get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
        assertThat(answer.text(field)).as("%s in %s", field, answer).isEqualTo(value);
    }

    @When("an integration reconnects to the event stream with the Last-Event-ID of the Workflow Trigger {string}")
    public void resumesAfter(String name) {
        resumed = driver.resumeEvents(driver.idOf("WorkflowTrigger", Map.of("name", name)));
    }

    @Then("the first event it receives is the Workflow Trigger {string}")
    public void firstResumed(String name) {
        List<JsonNode> events = await().atMost(pbx.answerTimeout()).until(resumed::records, r -> !r.isEmpty());
        assertThat(events.get(0).path("type").asText())
                .as("first resumed event %s", events.get(0))
                .isEqualTo("WorkflowTrigger");
        assertThat(events.get(0).path("name").asText())
                .as("first resumed event %s", events.get(0))
                .isEqualTo(name);
    }
}
