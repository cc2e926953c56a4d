package io.ucmkit.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.ami.CallAmi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/ami.md §1.3: ActionID is echoed only when the action carried a non-empty one. A request line
 * {@code ActionID: } (empty value) must leave every response, list item and OriginateResponse without it.
 */
class EmptyActionIdTest {

    final FakePbx pbx = new FakePbx();
    final ManualTime clock = new ManualTime();
    final EventLog log = new EventLog();
    final Calls calls = Calls.create(pbx, clock.clock(), clock, log.bus(), false);
    final CallAmi ami = new CallAmi(calls);

    private static AmiMessage action(String... namesAndValues) {
        List<String> all = new ArrayList<>(List.of(namesAndValues));
        all.addAll(List.of("ActionID", ""));
        return AmiMessage.of(all.toArray(String[]::new));
    }

    @Test
    void noCallActionEchoesAnEmptyActionId() {
        calls.dial("1000", "1001");
        calls.answer("1001");
        String leg = "PJSIP/1000-00000000";
        List<AmiMessage> out = new ArrayList<>();
        out.addAll(ami.status(action("Action", "Status", "Variables", "FOO")));
        out.addAll(ami.coreShowChannels(action("Action", "CoreShowChannels")));
        out.addAll(ami.playDtmf(action("Action", "PlayDTMF", "Channel", leg, "Digit", "1")));
        out.addAll(ami.setvar(action("Action", "Setvar", "Channel", leg, "Variable", "FOO", "Value", "1")));
        out.addAll(ami.getvar(action("Action", "Getvar", "Channel", leg, "Variable", "FOO")));
        out.addAll(ami.getvar(action("Action", "Getvar", "Channel", "PJSIP/nope", "Variable", "FOO")));
        out.addAll(ami.redirect(action(
                "Action", "Redirect", "Channel", leg, "Context", "from-internal", "Exten", "7000", "Priority", "1")));
        out.addAll(ami.hangup(action("Action", "Hangup", "Channel", "/^PJSIP\\/1000-/")));
        out.addAll(ami.hangup(action("Action", "Hangup", "Channel", "PJSIP/nope")));
        assertThat(out)
                .hasSizeGreaterThan(10)
                .allSatisfy(m -> assertThat(m.get("ActionID")).as(m.toString()).isNull());
    }

    @Test
    void anAsyncOriginateWithAnEmptyActionIdPublishesOriginateResponseWithoutIt() {
        List<AmiMessage> r = ami.originate(
                        action(
                                "Action",
                                "Originate",
                                "Channel",
                                "PJSIP/1000",
                                "Context",
                                "from-internal",
                                "Exten",
                                "1001",
                                "Priority",
                                "1",
                                "Async",
                                "true"),
                        true)
                .join();
        calls.answer("1000");
        assertThat(r)
                .singleElement()
                .satisfies(m -> assertThat(m.get("ActionID")).isNull());
        assertThat(log.events)
                .filteredOn(e -> "OriginateResponse".equals(e.eventName()))
                .singleElement()
                .satisfies(e -> assertThat(e.get("ActionID")).isNull());
    }
}
