package io.ucmkit.simulator.ami;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an AMI stream of calls with a PJSIP recording (transcripts 40–47).
 *
 * <p><b>Masking.</b> Values that differ on every run are replaced on both sides, by order of first
 * appearance where their identity matters: channel-name suffixes ({@code PJSIP/1000-0000000b} →
 * {@code PJSIP/1000-<1>}), uniqueids and linkedids ({@code <u1>}), bridge and call ids (UUIDs →
 * {@code <id1>}); and by a constant where only their presence matters: ring, dial and answer
 * times, RTP statistics (RTPAUDIOQOS* values, RTCPSent/RTCPReceived report values), SIP call-ids
 * and ports, plus everything {@link Wire#mask} masks.
 *
 * <p><b>Order.</b> A real Asterisk publishes each channel's events in order on that channel's
 * topic, but a channel, a dial, a bridge, a device and a hint are different topics, served by
 * different threads: two recordings of the same call (40 and 45) interleave them differently
 * (DialBegin before or after the Newstate Ringing of its destination; DeviceStateChange and
 * ExtensionStatus either way round, transcripts README #15; OriginateResponse before or after the
 * DialEnd ANSWER). So the comparison is: the same messages, byte for byte after masking, and the
 * same order within each topic — never a global order across topics.
 */
final class CallStreams {

    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("\\b((?:PJSIP|SIP)/[^\\s,/-]+)-([0-9a-f]{8})\\b");
    private static final Pattern UNIQUEID_LINE =
            Pattern.compile("(?m)^(\\w*(?:Uniqueid|Linkedid)): (\\d+\\.\\d+)(?=\r\n)");
    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern TIMING =
            Pattern.compile("(Variable: (?:RINGTIME|ANSWEREDTIME|DIALEDTIME|PROGRESSTIME)(?:_MS)?\r\nValue: )\\d+");
    private static final Pattern RTP_QOS = Pattern.compile("(Variable: RTPAUDIOQOS\\w*\r\nValue: )[^\r]*");
    private static final Pattern RTCP_VALUES = Pattern.compile(
            "(?m)^(To|From|RTT|MES|SSRC|PT|ReportCount|SentNTP|SentRTP|SentPackets|SentOctets|Report\\d+\\w+): [^\r]*(?=\r\n)");
    /**
     * The dialled leg's snapshot in an Originate's DialBegin/DialState: taken on another thread than
     * the leg's own Newstate Ringing, so Down in one recording and Ringing in another (42a, 42b vs 40).
     */
    private static final Pattern ORIGINATE_DIAL_STATE = Pattern.compile(
            "^(Event: Dial(?:Begin|State)\r\nPrivilege: call,all\r\nDestChannel: [^\r]+\r\n)DestChannelState: [05]\r\nDestChannelStateDesc: (?:Down|Ringing)\r\n");

    private static final Pattern SIP_SESSION = Pattern.compile("(SessionID: )(?!<id>)[^\r]+");
    private static final Pattern SIP_ADDRESS = Pattern.compile("(Address: IPV4/UDP/127\\.0\\.0\\.1/)\\d+");

    private CallStreams() {}

    /** The stream's messages, masked (see the class comment), in stream order. */
    static List<String> messages(String stream) {
        String s = Wire.mask(stream);
        s = byAppearance(CHANNEL_SUFFIX, s, 2, "");
        s = byAppearance(UNIQUEID_LINE, s, 2, "u");
        s = byAppearance(UUID, s, 0, "id");
        s = TIMING.matcher(s).replaceAll("$1<t>");
        s = RTP_QOS.matcher(s).replaceAll("$1<rtp>");
        s = SIP_SESSION.matcher(s).replaceAll("$1<sip-call>");
        s = SIP_ADDRESS.matcher(s).replaceAll("$1<port>");
        List<String> out = new ArrayList<>();
        for (String m : s.split("(?<=\r\n)\r\n")) {
            if (!m.isEmpty()) {
                String masked =
                        m.startsWith("Event: RTCP") ? RTCP_VALUES.matcher(m).replaceAll("$1: <rtcp>") : m;
                out.add(ORIGINATE_DIAL_STATE.matcher(masked).replaceFirst("$1DestChannelState: <down-or-ringing>\r\n"));
            }
        }
        return out;
    }

    /** Replaces each distinct value of {@code group} with {@code <prefix n>}, n by order of first appearance. */
    private static String byAppearance(Pattern pattern, String s, int group, String prefix) {
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = pattern.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = seen.computeIfAbsent(m.group(group), k -> seen.size() + 1);
            String whole = m.group();
            int from = m.start(group) - m.start();
            int to = m.end(group) - m.start();
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(whole.substring(0, from) + "<" + prefix + n + ">" + whole.substring(to)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The topics a message belongs to: its order is compared within each (class comment). */
    static List<String> topics(String message) {
        String event = header(message, "Event");
        if (event == null) {
            return List.of("session");
        }
        List<String> topics = new ArrayList<>();
        switch (event) {
            case "DialBegin", "DialState", "DialEnd" -> topics.add("dial:" + header(message, "DestChannel"));
            case "BridgeCreate", "BridgeDestroy" -> topics.add("bridge:" + header(message, "BridgeUniqueid"));
            case "BridgeEnter", "BridgeLeave" -> topics.add("bridge:" + header(message, "BridgeUniqueid"));
            case "ChanSpyStart", "ChanSpyStop" -> topics.add("channel:" + header(message, "SpyerChannel"));
            case "DeviceStateChange" -> topics.add("device:" + header(message, "Device"));
            case "ExtensionStatus" -> topics.add("hint:" + header(message, "Exten"));
            case "PresenceStateChange" -> topics.add("presence:" + header(message, "Presentity"));
            case "PresenceStatus" -> topics.add("presence-hint:" + header(message, "Exten"));
            case "OriginateResponse" -> topics.add("originate:" + header(message, "ActionID"));
            case "ContactStatus", "PeerStatus" -> topics.add("registration");
            case "RTCPSent", "RTCPReceived" -> {
                // Published by the RTP instance's report timer and receive path, not in the channel's
                // order: 45 has Received before Sent on one leg and Sent before Received on the other.
                return List.of(event + ":" + header(message, "Channel"));
            }
            default -> {
                if ("PJSIP".equals(header(message, "Service"))) {
                    topics.add("sip:" + header(message, "AccountID"));
                }
            }
        }
        String channel = header(message, "Channel");
        if (channel != null && !event.equals("OriginateResponse")) {
            topics.add("channel:" + channel);
        }
        if (topics.isEmpty()) {
            topics.add("session");
        }
        return topics;
    }

    static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        return null;
    }

    /**
     * Null when {@code got} matches {@code expected} (same masked messages, same order per topic);
     * otherwise a report: the messages only one side has, then each topic whose order differs.
     */
    static String difference(List<String> expected, List<String> got) {
        StringBuilder report = new StringBuilder();
        List<String> missing = new ArrayList<>(expected);
        List<String> extra = new ArrayList<>();
        for (String m : got) {
            if (!missing.remove(m)) {
                extra.add(m);
            }
        }
        for (String m : missing) {
            report.append("--- recorded, not produced:\n").append(show(m));
        }
        for (String m : extra) {
            report.append("+++ produced, not recorded:\n").append(show(m));
        }
        if (report.length() == 0) {
            Map<String, List<String>> want = byTopic(expected);
            Map<String, List<String>> have = byTopic(got);
            for (Map.Entry<String, List<String>> e : want.entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    report.append("order differs in topic ")
                            .append(e.getKey())
                            .append("\n  recorded: ")
                            .append(summary(e.getValue()))
                            .append("\n  produced: ")
                            .append(summary(have.get(e.getKey())))
                            .append('\n');
                }
            }
        }
        return report.length() == 0 ? null : report.toString();
    }

    private static Map<String, List<String>> byTopic(List<String> messages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String m : messages) {
            for (String t : topics(m)) {
                out.computeIfAbsent(t, k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    private static String summary(List<String> messages) {
        if (messages == null) {
            return "(none)";
        }
        return String.join(", ", messages.stream().map(CallStreams::line).toList());
    }

    /** {@code Newexten(Dial)}-style one-word description of a message, for order reports. */
    private static String line(String m) {
        String first = m.substring(0, m.indexOf('\r')).replace("Event: ", "").replace("Response: ", "Response ");
        for (String detail :
                new String[] {"Application", "Variable", "DialStatus", "ChannelStateDesc", "State", "Status"}) {
            String v = header(m, detail);
            if (v != null) {
                return first + "(" + v + ")";
            }
        }
        return first;
    }

    private static String show(String m) {
        return Arrays.stream(m.split("\r\n")).map(l -> "    " + l + "\n").reduce("", String::concat);
    }
}
