package io.ucmkit.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ucmkit.features.support.Pbx;
import io.ucmkit.features.wire.RawAmiClient;
import io.ucmkit.features.wire.WireMessage;
import io.ucmkit.simulator.admin.AmiUserInfo;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps that speak AMI byte for byte: requests are written exactly as the scenario gives them
 * (each doc-string line ends in CRLF, then the blank line that ends a request) and answers are
 * read with the suite's own {@link io.ucmkit.features.wire.WireParser}, never with the codec
 * under test.
 */
public final class RawWireSteps {

    private static final String ANY = "<any>";

    private final Pbx pbx;
    private RawAmiClient client;
    /** Connections opened only to hold a place (authlimit), closed after the scenario. */
    private final List<RawAmiClient> waiting = new ArrayList<>();
    /** An AMI user a scenario changed, restored afterwards: a real UCM has no reset that would do it. */
    private AmiUserInfo changedUser;

    public RawWireSteps(Pbx pbx) {
        this.pbx = pbx;
    }

    @After
    public void closeConnection() throws Exception {
        if (client != null) {
            client.close();
        }
        for (RawAmiClient other : waiting) {
            other.close();
        }
        if (changedUser != null) {
            pbx.admin().saveAmiUser(changedUser);
        }
    }

    @Given("a raw AMI connection to the PBX")
    public void aRawConnection() throws Exception {
        client = new RawAmiClient(pbx.target().host(), pbx.target().port());
        client.banner(pbx.answerTimeout());
    }

    @Given("the raw client is logged in as the administrator")
    public void loggedInAsAdministrator() throws Exception {
        login(pbx.target().username(), pbx.target().password());
    }

    @Given("the raw client is logged in as the restricted user")
    public void loggedInAsRestrictedUser() throws Exception {
        login(pbx.restrictedUser()[0], pbx.restrictedUser()[1]);
    }

    @Given("the raw client is logged in as the administrator with events {string}")
    public void loggedInAsAdministratorWithEvents(String events) throws Exception {
        login(pbx.target().username(), pbx.target().password(), events);
    }

    @Given("the raw client is logged in as the restricted user with events {string}")
    public void loggedInAsRestrictedWithEvents(String events) throws Exception {
        login(pbx.restrictedUser()[0], pbx.restrictedUser()[1], events);
    }

    private void login(String username, String secret) throws Exception {
        login(username, secret, "off");
    }

    private void login(String username, String secret, String events) throws Exception {
        client.sendMessage("Action: Login\nActionID: setup-login\nUsername: " + username + "\nSecret: " + secret
                + "\nEvents: " + events);
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("Message")).as("login of %s", username).isEqualTo("Authentication accepted");
    }

    @Given("the AMI user {string} may connect only from {string}")
    public void userPermittedOnlyFrom(String username, String permit) {
        AmiUserInfo user = pbx.savable(pbx.admin().amiUser(username).orElseThrow());
        changedUser = user;
        pbx.admin()
                .saveAmiUser(
                        new AmiUserInfo(user.username(), user.secret(), List.of(permit), user.read(), user.write()));
    }

    @When("the raw client sends:")
    public void sends(String lines) throws Exception {
        client.sendMessage(lines);
    }

    @When("the raw client sends the bytes {string}")
    public void sendsBytes(String escaped) throws Exception {
        client.send(escaped.replace("\\r", "\r").replace("\\n", "\n"));
    }

    @When("the raw client sends a Ping with ActionID {string} and a header line of {int} characters")
    public void sendsLongLine(String actionId, int characters) throws Exception {
        String pad = "X-Pad: ";
        client.send("Action: Ping\r\nActionID: " + actionId + "\r\n" + pad + "p".repeat(characters - pad.length())
                + "\r\n\r\n");
    }

    @When("the raw client sends a UserEvent with {int} header lines and ActionID {string}")
    public void sendsManyHeaders(int lines, String actionId) throws Exception {
        StringBuilder request =
                new StringBuilder("Action: UserEvent\r\nActionID: " + actionId + "\r\nUserEvent: Flood\r\n");
        for (int i = 3; i < lines; i++) {
            request.append("Header").append(i).append(": v\r\n");
        }
        client.send(request.append("\r\n").toString());
    }

    @When("the raw client sends a plain login with the administrator's password and ActionID {string}")
    public void sendsPlainLogin(String actionId) throws Exception {
        client.sendMessage("Action: Login\nActionID: " + actionId + "\nUsername: "
                + pbx.target().username() + "\nSecret: " + pbx.target().password() + "\nEvents: off");
    }

    @When("the raw client logs in with an MD5 challenge as the administrator")
    public void md5Login() throws Exception {
        String challenge = challenge();
        client.sendMessage("Action: Login\nActionID: md5-login\nAuthType: MD5\nUsername: "
                + pbx.target().username() + "\nKey: "
                + md5(challenge + pbx.target().password()) + "\nEvents: off");
    }

    @When("the raw client asks for an MD5 challenge and answers it with a wrong key")
    public void md5WrongKey() throws Exception {
        String challenge = challenge();
        client.sendMessage("Action: Login\nActionID: md5-bad\nAuthType: MD5\nUsername: "
                + pbx.target().username() + "\nKey: " + md5(challenge + "not-the-password"));
    }

    private String challenge() throws Exception {
        client.sendMessage("Action: Challenge\nActionID: md5-challenge\nAuthType: MD5");
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("Response")).isEqualTo("Success");
        assertThat(answer.get("Challenge")).isNotBlank();
        return answer.get("Challenge");
    }

    @Then("the PBX greets with a banner starting {string}")
    public void greets(String prefix) throws Exception {
        assertThat(client.banner(pbx.answerTimeout())).startsWith(prefix);
    }

    @Then("the PBX answers:")
    public void answers(String expected) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        String[] lines = expected.split("\n");
        assertThat(answer.lines()).as("answer:\n%s", answer).hasSize(lines.length);
        for (int i = 0; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 1).strip();
            assertThat(answer.lines().get(i)[0])
                    .as("header %d of:\n%s", i + 1, answer)
                    .isEqualTo(name);
            if (!ANY.equals(value)) {
                assertThat(answer.lines().get(i)[1])
                        .as("value of %s in:\n%s", name, answer)
                        .isEqualTo(value);
            }
        }
    }

    @Then("the PBX answers with ActionID {string}")
    public void answersWithActionId(String actionId) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("ActionID")).as("answer:\n%s", answer).isEqualTo(actionId);
        assertThat(answer.get("Response")).isEqualTo("Success");
    }

    @Then("the PBX answers with presence state {string}")
    public void answersPresenceState(String state) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("Response")).as("answer:\n%s", answer).isEqualTo("Success");
        assertThat(answer.get("State")).as("answer:\n%s", answer).isEqualTo(state);
    }

    @Then("the PBX answers with presence message {string}")
    public void answersPresenceMessage(String text) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("PresenceMessage")).as("answer:\n%s", answer).isEqualTo(text);
    }

    @Then("the PBX answers with extension state {string}")
    public void answersExtensionState(String state) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("Response")).as("answer:\n%s", answer).isEqualTo("Success");
        assertThat(answer.get("StatusText")).as("answer:\n%s", answer).isEqualTo(state);
    }

    @Given("{int} raw AMI connections that have not logged in")
    public void connectionsNotLoggedIn(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            RawAmiClient other =
                    new RawAmiClient(pbx.target().host(), pbx.target().port());
            waiting.add(other);
            other.banner(pbx.answerTimeout());
        }
    }

    @Then("one more raw AMI connection is closed by the PBX without a banner")
    public void oneMoreRefused() throws Exception {
        RawAmiClient extra = new RawAmiClient(pbx.target().host(), pbx.target().port());
        waiting.add(extra);
        assertThat(extra.awaitClosedByPeer(pbx.answerTimeout()))
                .as("the PBX closed the extra connection")
                .isTrue();
        assertThat(extra.bannerIfAny()).as("banner of the extra connection").isNull();
    }

    @Then("the PBX answers with the CLI text in Asterisk 13 style, containing {string}")
    public void answersFollows(String text) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("Response")).as("answer:\n%s", answer).isEqualTo("Follows");
        assertThat(answer.get("Privilege")).as("answer:\n%s", answer).isEqualTo("Command");
        assertThat(answer.get("Message"))
                .as("a Follows answer has no Message line")
                .isNull();
        assertThat(answer.body()).as("CLI text of:\n%s", answer).contains(text).doesNotContain("\r");
    }

    @Then("the PBX answers with the CLI text as Output lines, the first containing {string}")
    public void answersOutputLines(String text) throws Exception {
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("Response")).as("answer:\n%s", answer).isEqualTo("Success");
        assertThat(answer.get("Message")).as("answer:\n%s", answer).isEqualTo("Command output follows");
        assertThat(answer.get("Output")).as("answer:\n%s", answer).contains(text);
        assertThat(answer.body()).isNull();
    }

    @When("another client logs in as {string} with a wrong password")
    public void anotherClientFailsLogin(String username) throws Exception {
        try (RawAmiClient other =
                new RawAmiClient(pbx.target().host(), pbx.target().port())) {
            other.banner(pbx.answerTimeout());
            other.sendMessage(
                    "Action: Login\nActionID: intruder\nUsername: " + username + "\nSecret: not-the-password");
            assertThat(other.nextResponse(pbx.answerTimeout()).get("Message")).isEqualTo("Authentication failed");
        }
    }

    @When("another client logs in as the administrator with a wrong password")
    public void anotherClientFailsAdministratorLogin() throws Exception {
        anotherClientFailsLogin(pbx.target().username());
    }

    @When("the raw client pings the PBX")
    public void pings() throws Exception {
        // The PBX writes the events it queued before it answers an action: after this answer, every
        // event caused by the earlier steps has arrived.
        client.sendMessage("Action: Ping\nActionID: sync");
        assertThat(client.nextResponse(pbx.answerTimeout()).get("ActionID")).isEqualTo("sync");
    }

    @Then("the raw client receives a {string} event")
    public void receivesEvent(String name) throws Exception {
        client.awaitEvent(e -> name.equals(e.get("Event")), pbx.answerTimeout());
    }

    @Then("the raw client receives a {string} event with {string} = {string}")
    public void receivesEventWith(String name, String header, String value) throws Exception {
        client.awaitEvent(e -> name.equals(e.get("Event")) && value.equals(e.get(header)), pbx.answerTimeout());
    }

    @Then("the raw client receives a {string} event with {string} = the administrator's user name")
    public void receivesEventWithAdministrator(String name, String header) throws Exception {
        receivesEventWith(name, header, pbx.target().username());
    }

    @Then("the raw client has received no {string} event")
    public void receivedNoEvent(String name) {
        assertThat(client.events())
                .as("events received")
                .noneSatisfy(e -> assertThat(e.get("Event")).isEqualTo(name));
    }

    @Then("the raw client has received no event at all")
    public void receivedNoEvents() {
        assertThat(client.events()).as("events received").isEmpty();
    }

    @Then("the raw connection is still open")
    public void stillOpen() throws Exception {
        client.sendMessage("Action: Ping\nActionID: still-open");
        WireMessage answer = client.nextResponse(pbx.answerTimeout());
        assertThat(answer.get("ActionID")).isEqualTo("still-open");
        assertThat(client.isClosedByPeer()).isFalse();
    }

    @Then("the PBX closes the raw connection")
    public void closes() {
        assertThat(client.awaitClosedByPeer(pbx.answerTimeout()))
                .as("the PBX closed the connection")
                .isTrue();
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
