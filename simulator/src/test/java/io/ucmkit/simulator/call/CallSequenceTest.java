package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSequenceTest {

    final FakePbx pbx = new FakePbx();
    final ManualClock clock = new ManualClock();
    final EventLog log = new EventLog();
    final Calls calls = Calls.create(pbx, clock, log, false);

    List<AmiMessage> originate(String... headers) {
        return calls.originate(AmiMessage.of(headers), true).join();
    }

    void show(String title) {
        System.out.println("=== " + title);
        log.lines().forEach(l -> System.out.println("\"" + l + "\","));
        System.out.println(pbx.log + " " + calls.calls().size());
        log.clear();
        pbx.log.clear();
    }

    List<AmiMessage> orig(String src, String dst) {
        return originate("Action", "Originate", "ActionID", "o1", "Channel", "PJSIP/" + src, "Context", "from-internal",
                "Exten", dst, "Priority", "1", "CallerID", "Line1 text <Line2 text>", "Async", "true", "Timeout", "20000");
    }

    @Test
    void printsSequences() {
        orig("1000", "1001"); calls.answer("1000"); pbx.mode("1001", PbxPort.AnswerMode.BUSY, Duration.ZERO);
        show("busy");
        pbx.mode("1001", PbxPort.AnswerMode.DECLINE, Duration.ZERO);
        orig("1000", "1001"); calls.answer("1000"); show("decline");
        pbx.mode("1001", PbxPort.AnswerMode.NO_ANSWER, Duration.ZERO);
        orig("1000", "1001"); calls.answer("1000"); clock.advance(Duration.ofSeconds(61)); show("noanswer");
        pbx.unregister("1002");
        orig("1000", "1002"); calls.answer("1000"); show("unregistered dest");
        orig("1002", "1000"); show("unregistered src");
        orig("1003", "1000"); calls.decline("1003"); show("source declines");
        orig("1003", "1000"); clock.advance(Duration.ofSeconds(21)); show("source no answer");
        pbx.mode("1001", PbxPort.AnswerMode.MANUAL, Duration.ZERO);
        calls.dial("1000", "1001"); calls.hangup("1000"); show("caller hangs up while ringing");
        calls.dial("1004", "7000"); calls.dtmf("1004", "0123456789*#"); clock.advance(Duration.ofSeconds(30)); show("ivr");
        calls.dial("1004", "*48"); calls.dtmf("1004", "5"); show("presence");
        pbx.mode("1001", PbxPort.AnswerMode.AUTO, Duration.ofMillis(200));
        calls.dial("1000", "1001"); clock.advance(Duration.ofSeconds(1)); show("auto answer");
        originate("Action", "Originate", "ActionID", "b1", "Channel", "PJSIP/1005", "Application", "ChanSpy",
                "Data", "PJSIP/1000-,qBE", "CallerID", "Barge <1005>", "Async", "true");
        calls.answer("1005"); show("barge active");
        System.out.println(calls.calls());
        calls.hangup("1001"); show("barge end");
        originate("Action", "Originate", "ActionID", "b2", "Channel", "PJSIP/1005", "Application", "ChanSpy",
                "Data", "PJSIP/1006-,qBE", "Async", "true");
        calls.answer("1005"); show("barge idle");
        calls.dial("1007", "1006"); calls.answer("1006"); show("idle target gets a call");
        System.out.println(calls.hangup(AmiMessage.of("Action", "Hangup", "ActionID", "h", "Channel", "/^PJSIP\\/100[56]-.*$/")));
        show("regex");
    }
}
