package io.ucmkit.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.ami.CallAmi;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoreActionsTest {

    final FakePbx pbx = new FakePbx();
    final ManualTime clock = new ManualTime();
    final EventLog log = new EventLog();
    final Calls calls = Calls.create(pbx, clock.clock(), clock, log.bus(), false);
    final CallAmi ami = new CallAmi(calls);

    @Test
    void aSynchronousOriginateToAnUnregisteredPhoneAnswersOriginateFailedWithoutAnOriginateResponse() {
        pbx.unregister("1000");
        List<AmiMessage> r = ami.originate(
                        AmiMessage.of(
                                "Action",
                                "Originate",
                                "ActionID",
                                "fail-sync",
                                "Channel",
                                "PJSIP/1000",
                                "Context",
                                "from-internal",
                                "Exten",
                                "1001",
                                "Priority",
                                "1"),
                        true)
                .join();
        assertThat(r).singleElement().satisfies(m -> {
            assertThat(m.get("Response")).isEqualTo("Error");
            assertThat(m.get("Message")).isEqualTo("Originate failed");
        });
        assertThat(log.events).isEmpty();
    }

    @Test
    void aFailedOriginateReportsThePresetChannelIdAsUniqueid() {
        pbx.unregister("1000");
        ami.originate(
                        AmiMessage.of(
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
                                "ChannelId",
                                "call-42",
                                "Async",
                                "yes"),
                        true)
                .join();
        assertThat(log.events).singleElement().satisfies(e -> {
            assertThat(e.get("Uniqueid")).isEqualTo("call-42");
            assertThat(e.get("CallerIDNum")).isEqualTo("<unknown>");
            assertThat(e.get("ActionID")).isNull();
        });
    }

    @Test
    void asterisk13HasNoDialStateAndNewextenInClassCall() {
        Calls old = Calls.create(pbx, clock.clock(), clock, log.bus(), true);
        old.dial("1000", "1001");
        assertThat(log.callLines()).noneMatch(l -> l.startsWith("DialState"));
        assertThat(log.events)
                .filteredOn(e -> e.eventName().equals("Newexten"))
                .first()
                .satisfies(e -> assertThat(e.get("Privilege")).isEqualTo("call,all"));
    }

    @Test
    void redirectMovesTheChannelAndHangsUpItsPeer() {
        calls.dial("1000", "1001");
        calls.answer("1001");
        log.clear();
        List<AmiMessage> r = ami.redirect(AmiMessage.of(
                "Action",
                "Redirect",
                "Channel",
                "PJSIP/1000-00000000",
                "Context",
                "from-internal",
                "Exten",
                "7000",
                "Priority",
                "1"));
        assertThat(r.get(0).get("Message")).isEqualTo("Redirect successful");
        assertThat(log.callLines())
                .startsWith(
                        "BridgeLeave PJSIP/1000-00000000 Up 1",
                        "BridgeLeave PJSIP/1001-00000001 Up 0",
                        "BridgeDestroy 0",
                        "Hangup PJSIP/1001-00000001 Up 16",
                        "Newexten PJSIP/1000-00000000 Up Answer");
        assertThat(ami.redirect(AmiMessage.of(
                                "Action",
                                "Redirect",
                                "Channel",
                                "PJSIP/nope",
                                "Context",
                                "x",
                                "Exten",
                                "1",
                                "Priority",
                                "1"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("Channel does not exist: PJSIP/nope");
        assertThat(ami.redirect(AmiMessage.of("Action", "Redirect", "Channel", "PJSIP/nope"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("Context not specified");
    }

    @Test
    void setvarAndGetvarOnAChannelUseItsVariablesAndRaiseVarSet() {
        calls.dial("1000", "7000");
        log.clear();
        assertThat(ami.setvar(AmiMessage.of(
                                "Action",
                                "Setvar",
                                "Channel",
                                "PJSIP/1000-00000000",
                                "Variable",
                                "FOO",
                                "Value",
                                "bar"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("Variable Set");
        assertThat(log.events).singleElement().satisfies(e -> {
            assertThat(e.eventName()).isEqualTo("VarSet");
            assertThat(e.get("Privilege")).isEqualTo("dialplan,all");
            assertThat(e.get("Value")).isEqualTo("bar");
        });
        AmiMessage got = ami.getvar(AmiMessage.of(
                        "Action", "Getvar", "ActionID", "g", "Channel", "PJSIP/1000-00000000", "Variable", "FOO"))
                .get(0);
        assertThat(got.name(1)).isEqualTo("ActionID");
        assertThat(got.get("Value")).isEqualTo("bar");
        assertThat(ami.getvar(AmiMessage.of("Action", "Getvar", "Channel", "PJSIP/x", "Variable", "FOO"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("No such channel");
    }

    /** manager.c action_getvar/action_setvar check the Variable header before they look up the channel. */
    @Test
    void getvarAndSetvarWithoutAVariableAnswerThatBeforeLookingUpTheChannel() {
        assertThat(ami.getvar(AmiMessage.of("Action", "Getvar", "Channel", "PJSIP/nope"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("No variable specified");
        assertThat(ami.setvar(AmiMessage.of("Action", "Setvar", "Channel", "PJSIP/nope", "Variable", "", "Value", "1"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("No variable specified");
        assertThat(ami.setvar(AmiMessage.of("Action", "Setvar", "Channel", "PJSIP/nope", "Variable", "FOO"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("No such channel");
    }

    @Test
    void theBargeFeatureCodeAloneAsksForTheTargetDigitsEndedByHash() {
        calls.dial("1000", "1001");
        calls.answer("1001");
        calls.dial("1002", "*56");
        calls.dtmf("1002", "1001#");
        assertThat(log.callLines()).last().isEqualTo("ChanSpyStart PJSIP/1002-00000002 PJSIP/1001-00000001");
        assertThat(calls.calls())
                .filteredOn(c -> c.spyMode() != null)
                .singleElement()
                .satisfies(c -> assertThat(c.spyMode()).isEqualTo("barge"));
    }
}
