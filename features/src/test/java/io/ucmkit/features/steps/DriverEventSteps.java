package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.CallPhoneIds;
import io.ucmkit.features.support.DriverService;
import io.ucmkit.features.support.Pbx;
import java.util.List;
import java.util.Map;

/**
 * The events an integration receives on the dataserver's stream ({@code GET /api/v1/events}):
 * Call Status, IVR Response, Presence and extension states. Events arrive in the order the PBX
 * reported what caused them, so "nothing was reported" is judged after a later event that is
 * certain to come (the phone going back to Idle), never after a pause.
 */
public final class DriverEventSteps {

    private static final String MARKER_EXTENSION = "1008";

    private final Pbx pbx;
    private final DriverService driver;
    private final CallPhoneIds callIds;
    private int markers;

    public DriverEventSteps(Pbx pbx, DriverService driver, CallPhoneIds callIds) {
        this.pbx = pbx;
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
        assertThat(event.path("callId").isNull() || event.path("callId").isMissingNode())
                .as("callId of %s", event)
                .isTrue();
    }

    @Then("the driver reports Call Status \"Declined\" for extension {extension} because {string}")
    public void declined(String extension, String reason) {
        driver.awaitEvent(
                "CallStatus",
                Map.of("status", "Declined", "extension", extension, "reason", reason, "callId", callIds.last()));
    }

    @When("the driver has seen extension {extension} become {string}")
    public void extensionBecame(String extension, String state) {
        driver.awaitEvent("ExtensionState", Map.of("extension", extension, "status", state));
    }

    /**
     * A marker the PBX reports after everything that happened before it: the user of extension
     * 1008 sets a custom presence, and the driver's report of it means every earlier PBX event
     * was translated (the driver keeps the PBX's order). Needed where a call ends without any
     * state change to wait for, e.g. a call to a busy phone that failed at once.
     */
    @When("the driver has caught up with the PBX")
    public void caughtUp() {
        String marker = "caught up " + (++markers);
        pbx.setPresence(MARKER_EXTENSION, "custom", marker);
        driver.awaitEvent("Presence", Map.of("extension", MARKER_EXTENSION, "text", marker));
    }

    @Then("the driver reports extension {extension} as {string}")
    public void extensionState(String extension, String state) {
        extensionBecame(extension, state);
    }

    @Then("the driver reported no Call Status {string}")
    public void noCallStatus(String status) {
        assertThat(driver.events("CallStatus", Map.of("status", status)))
                .as("Call Status %s events", status)
                .isEmpty();
    }

    @Then("the driver reported Call Status {string} exactly once")
    public void callStatusOnce(String status) {
        assertThat(driver.events("CallStatus", Map.of("status", status)))
                .as("Call Status %s events", status)
                .hasSize(1);
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
                .map(e -> e.path("digit").asText())
                .toList();
        assertThat(String.join("", reported)).isEqualTo(digits);
    }

    @Then("the driver reported no IVR Response")
    public void noIvrResponse() {
        assertThat(driver.events("IvrResponse", Map.of()))
                .as("IVR Response events")
                .isEmpty();
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
