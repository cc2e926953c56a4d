package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.DriverEvent;
import io.ucmkit.driver.DriverException;
import io.ucmkit.driver.SystemAsset;
import io.ucmkit.driver.UcmDriver;
import io.ucmkit.features.support.Pbx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The System Asset as an operator of the security platform sees it, through the driver. */
public final class AssetSteps {

    private final Pbx pbx;
    private final List<DriverEvent> events = new CopyOnWriteArrayList<>();
    private UcmDriver driver;
    private Path dataDir;
    private String username;
    private String password;
    private DriverException refusal;

    public AssetSteps(Pbx pbx) {
        this.pbx = pbx;
    }

    @After
    public void stopDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Given("the driver is connected to the PBX as the administrator")
    public void connectedAsAdministrator() throws IOException {
        start(pbx.target().username(), pbx.target().password());
    }

    @Given("the driver is connected to the PBX as the restricted user")
    public void connectedAsRestricted() throws IOException {
        start("amireader", "amireader1");
    }

    @Given("the driver connects to the PBX with the password {string}")
    public void connectsWithPassword(String wrong) throws IOException {
        start(pbx.target().username(), wrong);
    }

    private void start(String user, String secret) throws IOException {
        username = user;
        password = secret;
        dataDir = Files.createTempDirectory("ucmkit-features-");
        startDriver();
    }

    private void startDriver() {
        DriverConfig config = DriverConfig.builder().address(pbx.target().host()).port(pbx.target().port())
                .username(username).password(password).build();
        driver = UcmDriver.start(config, dataDir);
        driver.subscribe(events::add);
    }

    @When("the driver restarts")
    public void restarts() {
        driver.close();
        events.clear();
        startDriver();
    }

    @Then("the System Asset is {string}")
    public void assetIs(String state) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(driver.asset().state()).isEqualTo(state));
    }

    @Then("the System Asset's reason mentions {string}")
    public void reasonMentions(String text) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(driver.asset().reason()).containsIgnoringCase(text));
    }

    @When("the operator sends the asset command {string}")
    public void sendsCommand(String command) {
        refusal = null;
        try {
            driver.asset().execute(SystemAsset.Command.parse(command));
        } catch (DriverException e) {
            refusal = e;
        }
    }

    @Then("the asset command is refused because {string}")
    public void refused(String why) {
        assertThat(refusal).as("the command was refused").isNotNull();
        assertThat(refusal.getMessage()).contains(why);
    }

    @Then("the asset is selected")
    public void selected() {
        assertThat(driver.asset().snapshot().selected()).isTrue();
    }

    @Then("the asset is not selected")
    public void notSelected() {
        assertThat(driver.asset().snapshot().selected()).isFalse();
    }

    @When("the operator adds the note {string} as {string}")
    public void addsNote(String text, String author) {
        driver.asset().addNote(text, author);
    }

    @Then("the asset has the note {string} by {string}")
    public void hasNote(String text, String author) {
        assertThat(driver.asset().snapshot().notes()).anySatisfy(note -> {
            assertThat(note.text()).isEqualTo(text);
            assertThat(note.author()).isEqualTo(author);
        });
    }

    @When("the operator triggers the workflow {string} with {string} = {string}")
    public void triggers(String name, String key, String value) {
        driver.asset().workflowTrigger(name, Map.of(key, value));
    }

    @Then("a Workflow Trigger event {string} is raised with {string} = {string}")
    public void workflowRaised(String name, String key, String value) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events).anySatisfy(event -> {
            assertThat(event).isInstanceOf(DriverEvent.WorkflowTrigger.class);
            DriverEvent.WorkflowTrigger trigger = (DriverEvent.WorkflowTrigger) event;
            assertThat(trigger.name()).isEqualTo(name);
            assertThat(trigger.parameters()).containsEntry(key, value);
        }));
    }
}
