package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.CommandResult;
import io.ucmkit.features.support.DriverService;
import io.ucmkit.features.support.DriverService.Answer;
import io.ucmkit.features.support.NetworkLink;
import io.ucmkit.features.support.Pbx;
import java.time.Duration;
import java.util.Map;

/**
 * The driver service and its System Asset as an operator of the security platform sees them:
 * started from a configuration file, read and commanded over the dataserver API
 * ({@code GET /api/v1/asset}, {@code POST /api/v1/asset/commands|notes|workflow-trigger}).
 */
public final class AssetSteps {

    private static final Duration STATE_CHANGE = Duration.ofSeconds(10);

    private final Pbx pbx;
    private final DriverService driver;
    private final NetworkLink link;
    private final CommandResult result;

    public AssetSteps(Pbx pbx, DriverService driver, NetworkLink link, CommandResult result) {
        this.pbx = pbx;
        this.driver = driver;
        this.link = link;
        this.result = result;
    }

    @Given("the driver is connected to the PBX")
    public void connected() throws Exception {
        driver.start();
        trueStateIs("Normal");
    }

    @Given("the driver is connected to the PBX through a network link")
    public void connectedThroughLink() throws Exception {
        driver.through(link).start();
        trueStateIs("Normal");
    }

    @Given("the driver is started as the restricted user")
    public void startedAsRestricted() throws Exception {
        driver.as(pbx.restrictedUser()[0], pbx.restrictedUser()[1]).start();
    }

    @Given("the driver is started with the password {string}")
    public void startedWithPassword(String password) throws Exception {
        driver.as(pbx.target().username(), password).start();
    }

    /** Why the last start refused to run (an invalid configuration), or null. */
    private String startRefusal;

    @Given("the driver is started without a password")
    public void startedWithoutPassword() throws Exception {
        try {
            driver.as(pbx.target().username(), null).start();
        } catch (IllegalArgumentException e) {
            startRefusal = e.getMessage();
        }
    }

    @io.cucumber.java.en.Then("the driver does not start and says {string}")
    public void doesNotStart(String reason) {
        org.assertj.core.api.Assertions.assertThat(driver.isRunning())
                .as("the driver service is running")
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(startRefusal)
                .contains("invalid configuration, nothing started")
                .contains(reason);
    }

    @Given("the driver's configuration sets {string} to {string}")
    public void configurationSets(String field, String value) {
        driver.set(field, value);
    }

    @Given("the driver sends a keepalive Ping every {int} ms and expects the Pong within {int} ms")
    public void keepalive(int intervalMs, int timeoutMs) {
        driver.keepalive(Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs));
    }

    @When("the driver service restarts")
    public void restarts() throws Exception {
        driver.restart();
    }

    @Then("the System Asset is {assetState}")
    public void assetIs(String state) {
        await().atMost(STATE_CHANGE)
                .untilAsserted(() -> assertThat(asset().text("state")).isEqualTo(state));
    }

    @Then("the System Asset's true state is {assetState}")
    public void trueStateIs(String state) {
        await().atMost(STATE_CHANGE)
                .untilAsserted(() -> assertThat(asset().text("trueState"))
                        .as("true state, asset %s", asset())
                        .isEqualTo(state));
    }

    @Then("the System Asset's reason mentions {string}")
    public void reasonMentions(String text) {
        await().atMost(STATE_CHANGE)
                .untilAsserted(() -> assertThat(asset().text("reason")).containsIgnoringCase(text));
    }

    @Then("the driver reported the System Asset going from {assetState} to {assetState}")
    public void reportedChange(String from, String to) {
        driver.awaitEvent("AssetState", Map.of("oldState", from, "newState", to));
    }

    @Then("the driver reported the true state going from {assetState} to {assetState}")
    public void reportedTrueChange(String from, String to) {
        driver.awaitEvent("AssetState", Map.of("oldTrueState", from, "trueState", to));
    }

    @Then("the driver reported the true state going to {assetState}")
    public void reportedTrueChangeTo(String to) {
        driver.awaitEvent("AssetState", Map.of("trueState", to));
    }

    @When("the operator sends the asset command {assetCommand}")
    public void sendsCommand(String command) throws Exception {
        result.set(driver.post("/api/v1/asset/commands", Map.of("command", command)));
    }

    @When("the operator sends the asset command {string}")
    public void sendsAnyCommand(String command) throws Exception {
        result.set(driver.post("/api/v1/asset/commands", Map.of("command", command)));
    }

    @Then("the asset command is accepted and the asset shows {assetState}")
    public void commandAccepted(String state) {
        assertThat(result.get().status()).as("answer %s", result.get()).isEqualTo(200);
        assertThat(result.get().text("state")).isEqualTo(state);
    }

    @Then("the asset is selected")
    public void selected() throws Exception {
        assertThat(asset().body().path("selected").asBoolean())
                .as("selected in %s", asset())
                .isTrue();
    }

    @Then("the asset is not selected")
    public void notSelected() throws Exception {
        assertThat(asset().body().path("selected").asBoolean())
                .as("selected in %s", asset())
                .isFalse();
    }

    @When("the operator adds the note {string} as {string}")
    public void addsNote(String text, String author) throws Exception {
        result.set(driver.post("/api/v1/asset/notes", Map.of("text", text, "author", author)));
    }

    @When("the operator sends a note {string} without an author")
    public void noteWithoutAuthor(String text) throws Exception {
        result.set(driver.post("/api/v1/asset/notes", Map.of("text", text)));
    }

    @Then("the asset has the note {string} by {string}")
    public void hasNote(String text, String author) throws Exception {
        JsonNode notes = asset().body().path("notes");
        assertThat(notes).as("notes %s", notes).anySatisfy(note -> {
            assertThat(note.path("text").asText()).isEqualTo(text);
            assertThat(note.path("author").asText()).isEqualTo(author);
            assertThat(note.path("time").asText()).as("the note's time").isNotBlank();
        });
    }

    @When("the operator triggers the workflow {string} with {string} = {string}")
    public void triggers(String name, String key, String value) throws Exception {
        result.set(
                driver.post("/api/v1/asset/workflow-trigger", Map.of("name", name, "parameters", Map.of(key, value))));
    }

    @Then("a Workflow Trigger event {string} is raised with {string} = {string}")
    public void workflowRaised(String name, String key, String value) {
        JsonNode event = driver.awaitEvent("WorkflowTrigger", Map.of("name", name));
        assertThat(event.path("parameters").path(key).asText())
                .as("event %s", event)
                .isEqualTo(value);
    }

    private Answer asset() throws Exception {
        Answer answer = driver.get("/api/v1/asset");
        assertThat(answer.status()).as("GET /api/v1/asset: %s", answer).isEqualTo(200);
        return answer;
    }
}
