package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.ManagerEvent;
import java.time.Duration;

/**
 * What the RTP of an answered PJSIP leg shows over AMI (transcripts 40–46): an RTCPSent and an
 * RTCPReceived report every 5 s of media ({@code reporting} class), and the RTPAUDIOQOS variables
 * set when the leg hangs up — its own five, and the {@code …BRIDGED} copies on the peer it was
 * bridged with. The figures are those of a clean loopback call (no loss, sub-millisecond jitter).
 * Called with the {@link CallEngine}'s lock held; the reports run on its timers.
 */
final class MediaReports {

    /** res_rtp_asterisk's RTCP interval: 5000 ms by default. */
    static final Duration RTCP_INTERVAL = Duration.ofSeconds(5);

    private static final String[] QOS = {
        "RTPAUDIOQOS", "RTPAUDIOQOSJITTER", "RTPAUDIOQOSLOSS", "RTPAUDIOQOSRTT", "RTPAUDIOQOSMES"
    };

    private final CallEngine engine;

    MediaReports(CallEngine engine) {
        this.engine = engine;
    }

    /** The leg is answered: media flows from now on, with a pair of RTCP reports every interval. */
    void start(SimChannel c) {
        if (c.startMedia()) {
            scheduleReports(c, 1);
        }
    }

    private void scheduleReports(SimChannel c, int round) {
        c.rtcp(engine.schedule(RTCP_INTERVAL, () -> {
            if (!c.hungUp()) {
                engine.emit(rtcp("RTCPReceived", c, round));
                engine.emit(rtcp("RTCPSent", c, round));
                scheduleReports(c, round + 1);
            }
        }));
    }

    /**
     * The leg's RTPAUDIOQOS variables, once: alone, or each followed by its {@code …BRIDGED} copy on
     * {@code bridgedPeer} (what a BYE on a bridged leg sets, transcript 40).
     */
    void reportQos(SimChannel c, SimChannel bridgedPeer) {
        if (!c.takeQosReport()) {
            return;
        }
        c.cancelRtcp();
        long packets = Math.max(1, (engine.now() - c.createdMillis) / 20);
        for (String name : QOS) {
            String value = qosValue(name, packets);
            engine.setVar(c, name, value);
            if (bridgedPeer != null) {
                engine.setVar(bridgedPeer, name + "BRIDGED", value);
            }
        }
    }

    private static String qosValue(String name, long packets) {
        return switch (name) {
            case "RTPAUDIOQOS" ->
                "ssrc=1089381785;themssrc=3483824451;lp=0;rxjitter=0.000000;rxcount=" + packets
                        + ";txjitter=0.001000;txcount=" + packets + ";rlp=0;rtt=0.000000;rxmes=0.000000;txmes=0.000000";
            case "RTPAUDIOQOSJITTER" ->
                "minrxjitter=000.000000;maxrxjitter=000.002000;avgrxjitter=000.001000;"
                        + "stdevrxjitter=000.000400;mintxjitter=000.000000;maxtxjitter=000.000000;avgtxjitter=000.000000;"
                        + "stdevtxjitter=000.000000;";
            case "RTPAUDIOQOSLOSS" ->
                "  minrxlost=000.000000;  maxrxlost=000.000000;  avgrxlost=000.000000;"
                        + "  stdevrxlost=000.000000;  mintxlost=000.000000;  maxtxlost=000.000000;  avgtxlost=000.000000;"
                        + "  stdevtxlost=000.000000;";
            case "RTPAUDIOQOSRTT" ->
                "     minrtt=000.000000;     maxrtt=000.000000;     avgrtt=000.000000;" + "     stdevrtt=000.000000;";
            default ->
                "   minrxmes=000.000000;   maxrxmes=000.000000;   avgrxmes=000.000000;   stdevrxmes=000.000000;"
                        + "   mintxmes=000.000000;   maxtxmes=000.000000;   avgtxmes=000.000000;   stdevtxmes=000.000000;";
        };
    }

    /**
     * RTCPSent / RTCPReceived with the header sets of transcripts 42 and 45. Bridged, both sides
     * send media: both are sender reports with a report block. Alone (answered, not bridged: the
     * PBX sends no audio), the phone's report is a sender report without a block and the PBX's a
     * receiver report (42b).
     */
    private ManagerEvent rtcp(String name, SimChannel c, int round) {
        return ManagerEvent.of(name, Privileges.REPORTING, b -> body(b, name, c, round));
    }

    private void body(AmiMessage.Builder b, String name, SimChannel c, int round) {
        long packets = round * RTCP_INTERVAL.toMillis() / 20;
        boolean sent = name.equals("RTCPSent");
        boolean bridged = c.bridge() != null;
        CallEvents.snapshot(b, "", c)
                .add("To", sent ? "127.0.0.1:30001" : "127.0.0.1:20943")
                .add("From", sent ? "127.0.0.1:20943" : "127.0.0.1:30001");
        if (!sent) {
            b.add("RTT", "0.0000");
        }
        b.add("MES", "88.1").add("SSRC", "0x" + Integer.toHexString(c.name.hashCode()));
        boolean senderInfo = bridged || !sent;
        boolean reportBlock = bridged || sent;
        b.add("PT", senderInfo ? "200(SR)" : "201(RR)").add("ReportCount", reportBlock ? "1" : "0");
        if (senderInfo) {
            b.add("SentNTP", (engine.now() / 1000) + ".000000")
                    .add("SentRTP", Long.toString(packets * 160))
                    .add("SentPackets", Long.toString(packets))
                    .add("SentOctets", Long.toString(packets * 160));
        }
        if (reportBlock) {
            b.add("Report0SourceSSRC", "0x50b50d5d")
                    .add("Report0FractionLost", "0")
                    .add("Report0CumulativeLost", "0")
                    .add("Report0HighestSequence", Long.toString(packets))
                    .add("Report0SequenceNumberCycles", "0")
                    .add("Report0IAJitter", "11")
                    .add("Report0LSR", "0")
                    .add("Report0DLSR", "0.0000");
        }
    }
}
