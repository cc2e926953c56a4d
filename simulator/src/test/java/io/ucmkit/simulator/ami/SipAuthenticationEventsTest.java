package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.testing.Transcript;
import io.ucmkit.simulator.pbx.SipContact;
import io.ucmkit.simulator.pbx.SipSecurityEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SIP ChallengeSent + SuccessfulAuth pair as recorded for INVITEs (44, 46) and REGISTERs (47). */
class SipAuthenticationEventsTest {

    private static final Pattern ACCOUNT = Pattern.compile("\r\nAccountID: (\\d+)\r\n");

    @ParameterizedTest
    @ValueSource(strings = {"44_pjsip_ivr_digits", "46_pjsip_feature_code_barge_and_presence", "47_pjsip_registration"})
    void each_recorded_pair_is_what_the_builder_makes_for_that_phone(String transcript) {
        List<String> recorded = sipSecurityEvents(transcript);
        assertThat(recorded).isNotEmpty().hasSize(recorded.size() / 2 * 2);
        for (int i = 0; i < recorded.size(); i += 2) {
            Matcher account = ACCOUNT.matcher(recorded.get(i));
            assertThat(account.find()).isTrue();
            String ext = account.group(1);
            List<AmiMessage> built = SipSecurityEvents.sipAuthentication(
                    ext, SipContact.newCallId(), "127.0.0.1:" + (5060 + i), Instant.now());
            assertThat(SipWire.mask(wire(built.get(0)) + wire(built.get(1))))
                    .isEqualTo(SipWire.mask(recorded.get(i) + recorded.get(i + 1)));
        }
    }

    @Test
    void the_pair_carries_the_requests_call_id_and_the_phones_address() {
        List<AmiMessage> built = SipSecurityEvents.sipAuthentication(
                "1004", "36ebc250e5f64235", "192.168.1.54:5062", Instant.parse("2026-12-02T01:01:17.627Z"));
        assertThat(wire(built.get(0)))
                .isEqualTo("Event: ChallengeSent\r\nPrivilege: security,all\r\n"
                        + "EventTV: 2026-12-02T01:01:17.627+0000\r\nSeverity: Informational\r\nService: PJSIP\r\nEventVersion: 1\r\n"
                        + "AccountID: 1004\r\nSessionID: 36ebc250e5f64235\r\nLocalAddress: IPV4/UDP/127.0.0.1/5060\r\n"
                        + "RemoteAddress: IPV4/UDP/192.168.1.54/5062\r\nChallenge: \r\n\r\n");
        assertThat(wire(built.get(1)))
                .endsWith("RemoteAddress: IPV4/UDP/192.168.1.54/5062\r\nUsingPassword: 1\r\n\r\n");
    }

    /** The message as the AMI writes it: {@code Name: value} lines, then a blank line. */
    private static String wire(AmiMessage m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < m.size(); i++) {
            out.append(m.name(i)).append(": ").append(m.value(i)).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    /** The recorded ChallengeSent and SuccessfulAuth events of {@code Service: PJSIP}, in order. */
    private static List<String> sipSecurityEvents(String transcript) {
        String stream = new String(Transcript.load(transcript).serverToClient(), StandardCharsets.UTF_8);
        return Arrays.stream(stream.split("(?<=\r\n\r\n)"))
                .filter(m -> m.startsWith("Event: ChallengeSent\r\n") || m.startsWith("Event: SuccessfulAuth\r\n"))
                .filter(m -> m.contains("\r\nService: PJSIP\r\n"))
                .toList();
    }
}
