package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.CallPhoneIds;
import io.ucmkit.features.support.DriverService;
import java.util.List;
import java.util.Map;

/**
 * The events an integration receives on the dataserver's stream ({@code GET /api/v1/events}):
 * Call Status, IVR Response, Presence and extension states. Events arrive in the order the PBX
 * reported what caused them, so "nothing was reported" is judged after a later event that is
 * certain to come (the phone going back to Idle), never after a pause.
 */
public final class DriverEventSteps {

    private final DriverService driver;
    private final CallPhoneIds callIds;

    public DriverEventSteps(DriverService driver, CallPhoneIds callIds) {
        this.driver = driver;
        this.callIds = callIds;
    }

    @Then("the driver reports Call Status {string} for extension {extension}")
    public void callStatus(String status, String extension) {
        driver.awaitEvent("CallStatus", Map.of("status", status, "extension", extension));
    }

    @Then("the driver reports Call Status {string} for extension {extension} with the Call Phone's call id")
    public void callStatusOfCallPhone(String status, String extension) {
        driver.awaitEvent("CallStatus", Map.of("status", status, "extension", extension, "callId", callIds.last()));
    }

    @Then("the driver reports Call Status {string} for extension {extension} without a call id")
    public void callStatusWithoutCallId(String status, String extension) {
        JsonNode event = driver.awaitEvent("CallStatus", Map.of("status", status, "extension", extension));
        assertThat(event.path("callId").isNull() || event.path("callId").isMissingNode()).as("callId of %s", event).isTrue();
    }

    @Then("the driver reports Call Status \"Declined\" for extension {extension} because {string}")
    public void declined(String extension, String reason) {
        driver.awaitEvent("CallStatus", Map.of("status", "Declined", "extension", extension, "reason", reason,
                "callId", callIds.last()));
    }

    @When("the driver has seen extension {extension} become {string}")
    public void extensionBecame(String extension, String state) {
        driver.awaitEvent("ExtensionState", Map.of("extension", extension, "status", state));
    }

    @Then("the driver reports extension {extension} as {string}")
    public void extensionState(String extension, String state) {
        extensionBecame(extension, state);
    }

    @Then("the driver reported no Call Status {string}")
    public void noCallStatus(String status) {
        assertThat(driver.events("CallStatus", Map.of("status", status))).as("Call Status %s events", status).isEmpty();
    }

    @Then("the driver reported Call Status {string} exactly once")
    public void callStatusOnce(String status) {
        assertThat(driver.events("CallStatus", Map.of("status", status))).as("Call Status %s events", status).hasSize(1);
    }

    @Then("the driver reports the IVR Response {string} from extension {extension}")
    public void ivrResponse(String digit, String extension) {
        driver.awaitEvent("IvrResponse", Map.of("digit", digit, "extension", extension));
    }

    @Then("the driver reports the IVR Response {string} from extension {extension} with the Call Phone's call id")
    public void ivrResponseOfCallPhone(String digit, String extension) {
        driver.awaitEvent("IvrResponse", Map.of("digit", digit, "extension", extension, "callId", callIds.last()));
    }

    @Then("the driver reported the IVR Responses {string} from extension {extension}, in that order")
    public void ivrResponsesInOrder(String digits, String extension) {
        for (char digit : digits.toCharArray()) {
            ivrResponse(String.valueOf(digit), extension);
        }
        List<String> reported = driver.events("IvrResponse", Map.of("extension", extension)).stream()
                .map(e -> e.path("digit").asText()).toList();
        assertThat(String.join("", reported)).isEqualTo(digits);
    }

    @Then("the driver reported no IVR Response")
    public void noIvrResponse() {
        assertThat(driver.events("IvrResponse", Map.of())).as("IVR Response events").isEmpty();
    }

    @Then("the driver reports the presence of extension {extension} as {presenceStatus}")
    public void presence(String extension, String status) {
        driver.awaitEvent("Presence", Map.of("extension", extension, "status", status));
    }

    @Then("the driver reports the presence of extension {extension} as {presenceStatus} with the text {string}")
    public void presenceWithText(String extension, String status, String text) {
        driver.awaitEvent("Presence", Map.of("extension", extension, "status", status, "text", text));
    }
}
