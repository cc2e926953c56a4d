package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.ExtensionInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transcript 47 replayed: phone 1005 un-registers and registers again, then the client lists the
 * contacts and asks 1005's extension state. The simulator's phone acts through the control API at
 * the points the recording's NOTE lines mark; the client's recorded writes are sent between them;
 * the AMI stream is compared with the recorded one after {@link SipWire} masking, ExtensionStatus
 * and DeviceStateChange order left free.
 *
 * <p>The embedded demo PBX has what the recorded one had: 1000-1008 registered, 1009 not, so the
 * nine ContactList items line up with the recording's.
 */
class RegistrationReplayIT {

    private static final String TRANSCRIPT = "47_pjsip_registration";
    private static final Pattern PHONE_ACTION = Pattern.compile("phones\\.sh (stop|start) (\\d+)");

    private static UcmSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sim = UcmSimulator.builder()
                .amiPort(0)
                .webPort(0)
                .authFailureDelay(Duration.ZERO)
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.admin().reset();
    }

    @Test
    void an_unregister_and_a_register_of_a_phone_produce_the_recorded_events_and_contact_list() throws Exception {
        RecordedSteps recorded = RecordedSteps.load(TRANSCRIPT);
        String got = replay(recorded);
        String expected = recorded.greeting() + recorded.answers();
        assertThat(comparable(got)).isEqualTo(comparable(Wire.adapt(expected)));
        assertSameValuesWhereTheRecordingHasThem(expected);
        assertSameValuesWhereTheRecordingHasThem(got);
    }

    @Test
    void the_contact_list_shows_each_registered_phone_at_its_contact() throws Exception {
        try (AmiTestClient client = AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            client.send("Action: PJSIPShowContacts\r\nActionID: c\r\n\r\n");
            client.nextText(); // the list start
            for (ExtensionInfo e : sim.admin().extensions().stream()
                    .filter(ExtensionInfo::registered)
                    .toList()) {
                String item = client.nextText();
                assertThat(item)
                        .contains(
                                "\r\nEndpoint: " + e.number() + "\r\n",
                                "\r\nUri: sip:" + e.number() + "@" + e.contact() + "\r\n",
                                "\r\nViaPort: "
                                        + e.contact().substring(e.contact().indexOf(':') + 1) + "\r\n");
            }
            assertThat(client.nextText()).contains("Event: ContactListComplete\r\n", "ListItems: 9\r\n");
        }
    }

    /** Runs each recorded step against the simulator and returns everything it sent, up to its close. */
    private String replay(RecordedSteps recorded) throws Exception {
        try (AmiTestClient client = AmiTestClient.connect(sim.amiPort())) {
            StringBuilder got = new StringBuilder(client.nextText());
            List<RecordedSteps.Step> steps = recorded.steps();
            for (int i = 0; i < steps.size(); i++) {
                RecordedSteps.Step step = steps.get(i);
                if (step.isPhoneAction()) {
                    actAsThePhone(step.note());
                } else {
                    client.send(Wire.adapt(step.request()));
                }
                if (i == steps.size() - 1) {
                    got.append(client.textUntilClosed()); // the Logoff
                } else {
                    for (int m = 0; m < step.answerMessages(); m++) {
                        got.append(client.nextText());
                    }
                }
            }
            return got.toString();
        }
    }

    /** "phones.sh stop 1005": baresip exits and un-registers; "start": it registers again. */
    private void actAsThePhone(String note) throws Exception {
        Matcher m = PHONE_ACTION.matcher(note);
        assertThat(m.find()).as("a phone action in NOTE %s", note).isTrue();
        boolean registered = m.group(1).equals("start");
        HttpRequest put = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + sim.webPort() + "/api/v1/extensions/" + m.group(2) + "/registration"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"registered\":" + registered + "}"))
                .build();
        HttpResponse<String> r = http.send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String comparable(String stream) {
        return SipWire.extensionStatusBesideDeviceState(SipWire.mask(stream));
    }

    /**
     * What masking hides but the recording shows equal, the simulator must keep equal: the REGISTER's
     * ChallengeSent and SuccessfulAuth carry the Call-ID 1005's new contact is listed with, and the
     * listed round trip is the one its ContactStatus Reachable reported.
     */
    private static void assertSameValuesWhereTheRecordingHasThem(String stream) {
        List<String> sessionIds = values(stream, "SessionID: ([0-9a-f]{16})\r");
        assertThat(sessionIds).hasSize(4); // un-REGISTER twice, REGISTER twice
        assertThat(sessionIds.get(3)).isEqualTo(sessionIds.get(2));
        String listed = message(stream, "Event: ContactList\r\n", "\r\nEndpoint: 1005\r\n");
        assertThat(values(listed, "CallId: ([0-9a-f]{16})\r")).containsExactly(sessionIds.get(2));
        String reachable = message(stream, "Event: ContactStatus\r\n", "\r\nContactStatus: Reachable\r\n");
        assertThat(values(listed, "RoundtripUsec: (\\d+)\r")).isEqualTo(values(reachable, "RoundtripUsec: (\\d+)\r"));
    }

    /** The one message of the stream that starts with {@code start} and contains {@code part}. */
    private static String message(String stream, String start, String part) {
        List<String> found = Arrays.stream(stream.split("(?<=\r\n\r\n)"))
                .filter(m -> m.startsWith(start) && m.contains(part))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<String> values(String s, String regex) {
        return Pattern.compile(regex).matcher(s).results().map(r -> r.group(1)).toList();
    }
}
