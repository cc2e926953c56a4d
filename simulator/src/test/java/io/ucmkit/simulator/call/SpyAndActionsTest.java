package io.ucmkit.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.ami.CallAmi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpyAndActionsTest {

    final FakePbx pbx = new FakePbx();
    final ManualTime clock = new ManualTime();
    final EventLog log = new EventLog();
    final Calls calls = Calls.create(pbx, clock.clock(), clock, log.bus(), false);
    final CallAmi ami = new CallAmi(calls);

    /** 1000 calls 1001, both answer: PJSIP/1000-00000000 and PJSIP/1001-00000001 bridged. */
    private void activeCall() {
        calls.dial("1000", "1001");
        calls.answer("1001");
        log.clear();
    }

    private void spy(String data) {
        ami.originate(
                        AmiMessage.of(
                                "Action",
                                "Originate",
                                "ActionID",
                                "spy-1",
                                "Channel",
                                "PJSIP/1005",
                                "Application",
                                "ChanSpy",
                                "Data",
                                data,
                                "CallerID",
                                "Supervisor <1005>",
                                "Async",
                                "true"),
                        true)
                .join();
        calls.answer("1005");
    }

    @Test
    void bargingIntoAnActiveCallStartsSpyingAfterTheOriginateResponseAndStopsWithTheCall() {
        activeCall();
        spy("PJSIP/1000-,qBE");
        assertThat(log.callLines())
                .endsWith(
                        "DialEnd PJSIP/1005-00000002 Up ANSWER",
                        "OriginateResponse PJSIP/1005-00000002 ChanSpy Success 4",
                        "ChanSpyStart PJSIP/1005-00000002 PJSIP/1000-00000000");
        assertThat(calls.calls())
                .filteredOn(c -> c.channel().startsWith("PJSIP/1005"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.spyMode()).isEqualTo("barge");
                    assertThat(c.spying()).isEqualTo("PJSIP/1000-00000000");
                });
        log.clear();
        calls.hangup("1000");
        assertThat(log.callLines())
                .containsExactly(
                        "HangupRequest PJSIP/1000-00000000 Up 16",
                        "BridgeLeave PJSIP/1000-00000000 Up 1",
                        "BridgeLeave PJSIP/1001-00000001 Up 0",
                        "BridgeDestroy 0",
                        "ChanSpyStop PJSIP/1005-00000002 PJSIP/1000-00000000",
                        "Hangup PJSIP/1000-00000000 Up 16",
                        "Hangup PJSIP/1001-00000001 Up 16",
                        "Hangup PJSIP/1005-00000002 Up 16");
    }

    @Test
    void hangingUpTheSpyerStopsTheSpyAndLeavesTheCallUp() {
        activeCall();
        spy("PJSIP/1000-00000000,qBu");
        log.clear();
        List<AmiMessage> r =
                ami.hangup(AmiMessage.of("Action", "Hangup", "ActionID", "hup-spy", "Channel", "PJSIP/1005-00000002"));
        assertThat(r.get(0).get("Message")).isEqualTo("Channel Hungup");
        assertThat(log.callLines())
                .containsExactly(
                        "ChanSpyStop PJSIP/1005-00000002 PJSIP/1000-00000000", "Hangup PJSIP/1005-00000002 Up 0");
        assertThat(calls.calls()).hasSize(2);
    }

    @Test
    void bargingIntoAnIdleExtensionAnswersTheSpyerAndWaitsWithoutChanSpyStart() {
        spy("PJSIP/1006-,qBE");
        assertThat(log.callLines()).last().isEqualTo("OriginateResponse PJSIP/1005-00000000 ChanSpy Success 4");
        assertThat(log.callLines()).noneMatch(l -> l.startsWith("ChanSpy"));
        calls.dial("1007", "1006");
        calls.answer("1006");
        assertThat(log.callLines()).last().isEqualTo("ChanSpyStart PJSIP/1005-00000000 PJSIP/1006-00000002");
    }

    @Test
    void whisperAndListenAreTheOptionsWAndNone() {
        activeCall();
        spy("PJSIP/1001-,qwE");
        calls.dial("1006", "*541000");
        assertThat(calls.calls())
                .filteredOn(c -> c.spyMode() != null)
                .extracting(Calls.ChannelView::spyMode)
                .containsExactly("whisper", "listen");
        assertThat(log.callLines())
                .contains(
                        "ChanSpyStart PJSIP/1005-00000002 PJSIP/1001-00000001",
                        "ChanSpyStart PJSIP/1006-00000003 PJSIP/1000-00000000");
    }

    @Test
    void thePrefixRuleMatchesLongerExtensionsUnlessTheDashIsGiven() {
        SimChannel spyer = new SimChannel(
                "PJSIP/1005-00000009",
                "1.9",
                "1.9",
                "1005",
                ChannelState.UP,
                CallerId.UNKNOWN,
                "from-internal",
                "s",
                0,
                "pvt");
        SimChannel target = new SimChannel(
                "PJSIP/10001-00000003",
                "1.3",
                "1.3",
                "10001",
                ChannelState.UP,
                CallerId.UNKNOWN,
                "from-internal",
                "s",
                0,
                "pvt");
        assertThat(Spy.parse(spyer, "PJSIP/1000,qB").matches(target)).isTrue();
        assertThat(Spy.parse(spyer, "PJSIP/1000-,qB").matches(target)).isFalse();
        assertThat(Spy.parse(spyer, "1.3,qBu").matches(target)).isTrue();
        assertThat(Spy.parse(spyer, "PJSIP/10001,qBu").matches(target)).isFalse();
    }

    @Test
    void hangupByRegexListsTheChannelsNewestFirstAndHangsThemUp() {
        activeCall();
        List<AmiMessage> r = ami.hangup(AmiMessage.of(
                "Action", "Hangup", "ActionID", "hup-re", "Channel", "/^PJSIP\\/100[01]-.*$/", "Cause", "17"));
        assertThat(r).extracting(m -> m.headers().toString()).hasSize(4);
        assertThat(r.get(0).get("EventList")).isEqualTo("start");
        assertThat(r.get(0).get("Message")).isEqualTo("Channels hung up will follow");
        assertThat(r.get(1).get("Channel")).isEqualTo("PJSIP/1001-00000001");
        assertThat(r.get(2).get("Channel")).isEqualTo("PJSIP/1000-00000000");
        assertThat(r.get(3).get("ListItems")).isEqualTo("2");
        assertThat(log.callLines()).contains("Hangup PJSIP/1001-00000001 Up 17", "Hangup PJSIP/1000-00000000 Up 17");
        assertThat(ami.hangup(AmiMessage.of("Action", "Hangup", "Channel", "/[unclosed/"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("Regex compile failed on: /[unclosed/");
    }

    @Test
    void statusAndCoreShowChannelsListEveryChannelWithTheirFraming() {
        activeCall();
        clock.advance(Duration.ofSeconds(2));
        List<AmiMessage> status = ami.status(AmiMessage.of(
                "Action",
                "Status",
                "ActionID",
                "st-2",
                "Channel",
                "PJSIP/1000-00000000",
                "Variables",
                "FOO,CALLERID(all)"));
        assertThat(status.get(1).get("Privilege")).isEqualTo("Call");
        assertThat(status.get(1).getAll("Variable")).containsExactly("FOO=", "CALLERID(all)=\"Phone 1000\" <1000>");
        assertThat(status.get(1).name(status.get(1).size() - 1)).isEqualTo("ActionID");
        assertThat(status.get(1).get("Seconds")).isEqualTo("2");
        assertThat(status.get(2).get("Items")).isEqualTo("1");
        List<AmiMessage> csc = ami.coreShowChannels(AmiMessage.of("Action", "CoreShowChannels", "ActionID", "c"));
        assertThat(csc).hasSize(4);
        assertThat(csc.get(1).name(1)).isEqualTo("ActionID");
        assertThat(csc.get(1).get("Duration")).isEqualTo("00:00:02");
        assertThat(csc.get(3).get("ListItems")).isEqualTo("2");
        assertThat(ami.coreShowChannelsCli()).endsWith("1 active call", "1 call processed");
    }

    @Test
    void statusWithAllVariablesListsEveryChannelVariableAfterTheRequestedOnes() {
        activeCall();
        String leg = "PJSIP/1000-00000000";
        // pbx_builtin_setvar_helper inserts at the head of the list and a re-set variable moves there.
        for (String[] v : new String[][] {{"FOO", "1"}, {"BAR", "two"}, {"FOO", "3"}}) {
            ami.setvar(AmiMessage.of("Action", "Setvar", "Channel", leg, "Variable", v[0], "Value", v[1]));
        }
        AmiMessage item = ami.status(AmiMessage.of(
                        "Action",
                        "Status",
                        "ActionID",
                        "st",
                        "Channel",
                        leg,
                        "Variables",
                        "CALLERID(num)",
                        "AllVariables",
                        "true"))
                .get(1);
        assertThat(item.getAll("Variable"))
                .startsWith("CALLERID(num)=1000", "FOO=3", "BAR=two")
                .contains("BRIDGEPEER=PJSIP/1001-00000001", "DIALSTATUS=ANSWER");
        assertThat(item.name(item.size() - 1)).isEqualTo("ActionID");
        AmiMessage plain = ami.status(AmiMessage.of("Action", "Status", "Channel", leg, "AllVariables", "no"))
                .get(1);
        assertThat(plain.getAll("Variable")).isEmpty();
    }

    @Test
    void playDtmfIsSentOnTheChannelOrReceivedWhenAsked() {
        activeCall();
        ami.playDtmf(AmiMessage.of("Action", "PlayDTMF", "Channel", "PJSIP/1000-00000000", "Digit", "5"));
        ami.playDtmf(AmiMessage.of(
                "Action",
                "PlayDTMF",
                "Channel",
                "PJSIP/1000-00000000",
                "Digit",
                "6",
                "Receive",
                "true",
                "Duration",
                "250"));
        assertThat(log.callLines())
                .containsExactly(
                        "DTMFBegin PJSIP/1000-00000000 Up 5 Sent", "DTMFEnd PJSIP/1000-00000000 Up 5 Sent",
                        "DTMFBegin PJSIP/1000-00000000 Up 6 Received", "DTMFBegin PJSIP/1001-00000001 Up 6 Sent",
                        "DTMFEnd PJSIP/1000-00000000 Up 6 Received", "DTMFEnd PJSIP/1001-00000001 Up 6 Sent");
        assertThat(log.events.get(4).get("DurationMs")).isEqualTo("250");
        assertThat(ami.playDtmf(AmiMessage.of("Action", "PlayDTMF", "Channel", "nope", "Digit", "1"))
                        .get(0)
                        .get("Message"))
                .isEqualTo("Channel not found");
    }
}
