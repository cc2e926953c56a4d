package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.CallPhoneIds;
import io.ucmkit.features.support.CommandResult;
import io.ucmkit.features.support.DriverService;
import io.ucmkit.features.support.Pbx;
import io.ucmkit.simulator.admin.JournalEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two commands, Call Phone and Barge, sent as an integration sends them
 * ({@code POST /api/v1/commands/call-phone|barge}), and what the PBX received because of them.
 */
public final class CommandSteps {

    /** A table cell with this value leaves the parameter out of the request. */
    private static final String MISSING = "(missing)";

    private final Pbx pbx;
    private final DriverService driver;
    private final CommandResult result;
    private final CallPhoneIds callIds;

    public CommandSteps(Pbx pbx, DriverService driver, CommandResult result, CallPhoneIds callIds) {
        this.pbx = pbx;
        this.driver = driver;
        this.result = result;
        this.callIds = callIds;
    }

    @When(
            "the operator sends Call Phone from extension {extension} to extension {extension} with line 1 {string} and line 2 {string}")
    public void callPhone(String source, String destination, String line1, String line2) throws Exception {
        callPhone(Map.of(
                "sourceExtension",
                source,
                "destinationExtension",
                destination,
                "line1Text",
                line1,
                "line2Text",
                line2));
    }

    @When("the operator sends Call Phone with:")
    public void callPhoneWith(DataTable parameters) throws Exception {
        callPhone(present(parameters));
    }

    private void callPhone(Map<String, String> parameters) throws Exception {
        result.set(driver.post("/api/v1/commands/call-phone", parameters));
        if (result.get().status() == 202) {
            callIds.set(result.get().text("callId"));
        }
    }

    @When("the operator sends Barge from extension {extension} to extension {extension}")
    public void barge(String source, String destination) throws Exception {
        result.set(driver.post(
                "/api/v1/commands/barge", Map.of("sourceExtension", source, "destinationExtension", destination)));
    }

    @When("the operator sends Barge with:")
    public void bargeWith(DataTable parameters) throws Exception {
        result.set(driver.post("/api/v1/commands/barge", present(parameters)));
    }

    @Then("the command is accepted with a call id")
    public void acceptedWithCallId() {
        assertThat(result.get().status()).as("answer %s", result.get()).isEqualTo(202);
        assertThat(result.get().text("callId")).as("callId of %s", result.get()).matches("[0-9a-f-]{36}");
    }

    @Then("the command is accepted")
    public void accepted() {
        assertThat(result.get().status()).as("answer %s", result.get()).isEqualTo(202);
    }

    @Then("the PBX received this Originate:")
    public void receivedOriginate(DataTable headers) {
        awaitOriginates(1);
        List<Map<String, String>> originates = originates();
        assertThat(originates).as("Originate actions the PBX received").hasSize(1);
        Map<String, String> received = originates.get(0);
        for (Map.Entry<String, String> header :
                headers.asMap(String.class, String.class).entrySet()) {
            assertThat(received).as("headers of the Originate").containsEntry(header.getKey(), header.getValue());
        }
    }

    @Then("the PBX received {int} Originate(s)")
    public void originateCount(int count) {
        awaitOriginates(count);
        assertThat(originates()).as("Originate actions the PBX received").hasSize(count);
    }

    /**
     * On a real PBX the Originates are read from the driver's debug log, which streams its
     * records a moment after the command's answer: wait for the expected number to have arrived.
     */
    private void awaitOriginates(int count) {
        if (!pbx.controllable() && count > 0) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> originates().size() >= count);
        }
    }

    /**
     * The Originate actions the PBX received: the simulator's journal, or on a real PBX (which
     * keeps none) the actions the driver's debug log shows it wrote to the PBX's socket.
     */
    private List<Map<String, String>> originates() {
        if (pbx.controllable()) {
            return pbx.admin().journal().stream()
                    .filter(e -> "Originate".equalsIgnoreCase(e.action()))
                    .map(JournalEntry::headers)
                    .toList();
        }
        return driver.logRecords().stream()
                .map(r -> r.path("message").asText())
                .filter(m -> m.startsWith("-> {Action: Originate |"))
                .map(CommandSteps::headersOf)
                .toList();
    }

    /** {@code -> {Action: Originate | Channel: PJSIP/1000 | …}}, as the driver logs an action it sends. */
    private static Map<String, String> headersOf(String logged) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header :
                logged.substring("-> {".length(), logged.length() - 1).split(" \\| ")) {
            int colon = header.indexOf(": ");
            if (colon > 0) {
                headers.putIfAbsent(header.substring(0, colon), header.substring(colon + 2));
            }
        }
        return headers;
    }

    /** The rows of a two-column table as request fields, leaving out those marked missing. */
    private static Map<String, String> present(DataTable table) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (List<String> row : table.asLists()) {
            String value = row.get(1) == null ? "" : row.get(1);
            if (!MISSING.equals(value)) {
                fields.put(row.get(0), value);
            }
        }
        return fields;
    }
}
