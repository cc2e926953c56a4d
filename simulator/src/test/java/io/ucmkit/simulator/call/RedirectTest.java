package io.ucmkit.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.admin.ChannelInfo;
import io.ucmkit.simulator.ami.CallAmi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redirect's single and dual forms and their refusals (docs/ami.md §3.2, manager.c action_redirect). */
class RedirectTest {

    static final String A = "PJSIP/1000-00000000";
    static final String B = "PJSIP/1001-00000001";

    final FakePbx pbx = new FakePbx();
    final ManualTime clock = new ManualTime();
    final EventLog log = new EventLog();
    final Calls calls = Calls.create(pbx, clock.clock(), clock, log.bus(), false);
    final CallAmi ami = new CallAmi(calls);

    /** 1000 calls 1001 and 1001 answers: A and B bridged. */
    private void activeCall() {
        calls.dial("1000", "1001");
        calls.answer("1001");
        log.clear();
    }

    /** Redirect of A to IVR 7000 with {@code extra} headers; the one response as "Response: Message". */
    private String redirect(String... extra) {
        return redirectTo("7000", extra);
    }

    private String redirectTo(String exten, String... extra) {
        List<String> headers = new ArrayList<>(List.of(
                "Action", "Redirect", "Channel", A, "Context", "from-internal", "Exten", exten, "Priority", "1"));
        headers.addAll(List.of(extra));
        List<AmiMessage> r = ami.redirect(AmiMessage.of(headers.toArray(String[]::new)));
        assertThat(r).hasSize(1);
        return r.get(0).get("Response") + ": " + r.get(0).get("Message");
    }

    @Test
    void aDualRedirectMovesBothLegsOfTheBridgeAndHangsUpNeither() {
        activeCall();
        assertThat(redirect(
                        "ExtraChannel", B, "ExtraContext", "from-internal", "ExtraExten", "7001", "ExtraPriority", "1"))
                .isEqualTo("Success: Dual Redirect successful");
        assertThat(log.callLines())
                .startsWith(
                        "BridgeLeave " + A + " Up 1",
                        "BridgeLeave " + B + " Up 0",
                        "BridgeDestroy 0",
                        "Newexten " + A + " Up Answer",
                        "Newexten " + A + " Up Read",
                        "Newexten " + B + " Up Answer",
                        "Newexten " + B + " Up Read");
        assertThat(log.callLines()).noneMatch(l -> l.startsWith("Hangup"));
        assertThat(calls.calls())
                .extracting(ChannelInfo::application, ChannelInfo::bridgedWith)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("Read", null));
        assertThat(log.events)
                .filteredOn(e -> "Read".equals(e.get("Application")))
                .extracting(e -> e.get("Exten"))
                .containsExactly("7000", "7001");
    }

    @Test
    void anExtraChannelWithoutExtraContextFollowsTheFirstChannelsTarget() {
        activeCall();
        assertThat(redirect("ExtraChannel", B, "ExtraExten", "1234", "ExtraPriority", "x"))
                .isEqualTo("Success: Dual Redirect successful");
        assertThat(log.events)
                .filteredOn(e -> "Read".equals(e.get("Application")))
                .extracting(e -> e.get("Channel") + "@" + e.get("Exten"))
                .containsExactly(A + "@7000", B + "@7000");
    }

    @Test
    void theExtraTargetIsCheckedOnlyWithExtraChannelAndExtraContext() {
        activeCall();
        String both = "ExtraChannel";
        assertThat(redirect(both, B, "ExtraContext", "from-internal")).isEqualTo("Error: ExtraExten not specified");
        assertThat(redirect(both, B, "ExtraContext", "from-internal", "ExtraExten", "7001"))
                .isEqualTo("Error: ExtraPriority not specified");
        assertThat(redirect(both, B, "ExtraContext", "from-internal", "ExtraExten", "7001", "ExtraPriority", "x"))
                .isEqualTo("Error: ExtraPriority is invalid");
        assertThat(redirect(both, B, "ExtraContext", "from-internal", "ExtraExten", "7001", "ExtraPriority", "0"))
                .isEqualTo("Error: ExtraPriority is invalid");
        assertThat(redirect(both, "PJSIP/nope")).isEqualTo("Error: ExtraChannel does not exist: PJSIP/nope");
        assertThat(redirect(both, B, "ExtraContext", "from-internal", "ExtraExten", "5555", "ExtraPriority", "1"))
                .isEqualTo("Error: Secondary redirect failed");
        assertThat(log.events).isEmpty();
    }

    @Test
    void aChannelThatIsNotUpIsNotRedirected() {
        calls.dial("1000", "1001");
        log.clear();
        // A is in Ring (its phone dials), B rings towards its phone.
        assertThat(redirect()).isEqualTo("Error: Redirect failed, channel not up.");
        List<AmiMessage> r = ami.redirect(AmiMessage.of(
                "Action", "Redirect", "Channel", B, "Context", "from-internal", "Exten", "7000", "Priority", "1"));
        assertThat(r.get(0).get("Message")).isEqualTo("Redirect failed, channel not up.");
        calls.dial("1002", "7000");
        log.clear();
        r = ami.redirect(AmiMessage.of(
                "Action",
                "Redirect",
                "Channel",
                "PJSIP/1002-00000002",
                "Context",
                "from-internal",
                "Exten",
                "7001",
                "Priority",
                "1",
                "ExtraChannel",
                B));
        assertThat(r.get(0).get("Message")).isEqualTo("Redirect failed, extra channel not up.");
        assertThat(log.events).isEmpty();
        calls.answer("1001");
        assertThat(calls.calls()).extracting(ChannelInfo::bridgedWith).contains(A, B);
    }

    @Test
    void aRedirectedIvrLegStopsTheTimersOfTheIvrItLeft() {
        calls.dial("1000", "7000");
        clock.advance(Duration.ofSeconds(2));
        assertThat(redirectTo("7001")).isEqualTo("Success: Redirect successful");
        log.clear();
        // The Read at 7000 would time out 8 s from now; the one at 7001 times out after its own 10 s.
        clock.advance(Duration.ofSeconds(9));
        assertThat(log.callLines()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(log.variables("PJSIP/1000-00000000")).startsWith("D=", "READSTATUS=TIMEOUT");
        assertThat(log.events)
                .filteredOn(e -> "UserEvent".equals(e.get("Application")))
                .singleElement()
                .satisfies(e -> assertThat(e.get("Exten")).isEqualTo("7001"));
    }
}
