package io.ucmkit.simulator.ami;

import io.ucmkit.ami.testing.Transcript;
import io.ucmkit.ami.testing.Transcript.Direction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Transcript text adapted to the simulator: user names made UCM-legal (≥ 8 chars), the context
 * and hint devices of a UCM ({@code from-internal}, {@code PJSIP/100x} instead of {@code Custom:100x}),
 * and volatile values (timestamps, session ids, ports, uptime, challenges and what derives from
 * them) masked on both sides.
 */
final class Wire {

    /** amiadmin's secret in the transcript PBX (the recorded admin123, adapted). */
    static final String ADMIN_SECRET = "amiadmin1";

    /**
     * One client write and the server bytes recorded after it, up to the next client write; raw
     * (neither adapted nor masked), so that a value split across two recorded reads is masked whole.
     */
    record Exchange(String request, String answer) {}

    private static final Pattern QUEUE_DEVICE = Pattern.compile(
            "Event: DeviceStateChange\r\n(?:ActionID: [^\r]*\r\n)?Device: Queue:[^\r]*\r\nState: [^\r]*\r\n\r\n");
    private static final Pattern DEVICE_LIST_COMPLETE = Pattern.compile(
            "(Event: DeviceStateListComplete\r\n(?:ActionID: [^\r]*\r\n)?EventList: Complete\r\nListItems: )(\\d+)");
    private static final Pattern LIST_COMMANDS_LINE =
            Pattern.compile("(?m)^(\\w+): [^\r\n]*  \\(Priv: [^)\r\n]*\\)\r\n");

    private Wire() {}

    static String clientBytes(String transcript) {
        return adapt(new String(Transcript.load(transcript).clientToServer(), StandardCharsets.UTF_8));
    }

    static String serverBytes(String transcript) {
        return mask(adapt(new String(Transcript.load(transcript).serverToClient(), StandardCharsets.UTF_8)));
    }

    /** What the server sent before the client's first write (the banner), raw. */
    static String greeting(String transcript) {
        StringBuilder out = new StringBuilder();
        for (Transcript.Chunk c : Transcript.load(transcript).chunks()) {
            if (c.direction() == Direction.CLIENT_TO_SERVER) {
                break;
            }
            out.append(new String(c.bytes(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The recorded session as client writes, each with the server reads that followed it. */
    static List<Exchange> exchanges(String transcript) {
        List<Exchange> out = new ArrayList<>();
        String request = null;
        StringBuilder answer = new StringBuilder();
        for (Transcript.Chunk c : Transcript.load(transcript).chunks()) {
            String text = new String(c.bytes(), StandardCharsets.UTF_8);
            if (c.direction() == Direction.CLIENT_TO_SERVER) {
                if (request != null) {
                    out.add(new Exchange(request, answer.toString()));
                }
                request = text;
                answer.setLength(0);
            } else if (request != null) {
                answer.append(text);
            }
        }
        if (request != null) {
            out.add(new Exchange(request, answer.toString()));
        }
        return out;
    }

    /** The requests of some exchanges as one client write, adapted. */
    static String clientBytes(List<Exchange> exchanges) {
        return adapt(exchanges.stream().map(Exchange::request).collect(Collectors.joining()));
    }

    /** The greeting and the answers of some exchanges, adapted and masked. */
    static String serverBytes(String greeting, List<Exchange> exchanges) {
        return mask(adapt(greeting + exchanges.stream().map(Exchange::answer).collect(Collectors.joining())));
    }

    /**
     * The messages of a stream as a sorted list: for transcripts whose event order Asterisk does not
     * fix (DeviceStateChange vs ExtensionStatus, transcripts README #15).
     */
    static List<String> messagesSorted(String stream) {
        return Arrays.stream(stream.split("(?<=\r\n)\r\n")).sorted().toList();
    }

    static String adapt(String s) {
        return s.replace("Username: admin\r", "Username: amiadmin\r")
                .replace("Secret: admin123", "Secret: " + ADMIN_SECRET)
                .replace("AccountID: admin\r", "AccountID: amiadmin\r")
                .replace("Username: limited\r", "Username: amireader\r")
                .replace("Secret: limited123", "Secret: amireader1")
                .replace("Context: internal", "Context: from-internal")
                .replace("Custom:100", "PJSIP/100")
                .replace("@internal", "@from-internal");
    }

    /**
     * Volatile values masked. {@code SessionTV} of a failed login stays: Asterisk prints the epoch
     * there (transcript 30), a constant worth comparing. {@code ExpectedResponse} is md5(challenge + secret).
     */
    static String mask(String s) {
        return s.replaceAll("Timestamp: \\d+\\.\\d{6}", "Timestamp: <ts>")
                .replaceAll("(EventTV|SessionTV): (?!1970-01-01T00:00:00\\.000\\+0000)[0-9T:.+-]+", "$1: <tv>")
                .replaceAll("SessionID: 0x[0-9a-f]+", "SessionID: <id>")
                .replaceAll("(Local|Remote)Address: IPV4/TCP/127\\.0\\.0\\.1/\\d+", "$1Address: <addr>")
                .replaceAll("(Uptime|LastReload): \\d+", "$1: <n>")
                .replaceAll("Challenge: \\d+", "Challenge: <c>")
                .replaceAll("ExpectedResponse: [0-9a-f]{32}", "ExpectedResponse: <md5>")
                .replaceAll("Core(Startup|Reload)(Date|Time): [0-9:-]+", "Core$1$2: <t>");
    }

    /**
     * A recording without the devices of the queue the recorded Asterisk had ({@code Queue:support_*}
     * in DeviceStateList, transcript 15): the transcript PBX, like a UCM without call queues, has none.
     * The list's {@code ListItems} count drops by as many.
     */
    static String withoutQueueDevices(String s) {
        Matcher queue = QUEUE_DEVICE.matcher(s);
        int removed = (int) queue.results().count();
        String rest = queue.replaceAll("");
        return DEVICE_LIST_COMPLETE
                .matcher(rest)
                .replaceAll(m -> m.group(1) + (Integer.parseInt(m.group(2)) - removed));
    }

    /**
     * A recorded ListCommands answer restricted to the actions the simulator has: it lists only what
     * it implements (any other action is {@code Invalid/unknown command}), so each line it prints is
     * compared with Asterisk's line for that action, synopsis and {@code (Priv: …)} text included.
     */
    static String onlyActions(String s, Collection<String> actions) {
        Set<String> kept = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        kept.addAll(actions);
        return LIST_COMMANDS_LINE
                .matcher(s)
                .replaceAll(m -> kept.contains(m.group(1)) ? Matcher.quoteReplacement(m.group()) : "");
    }

    /**
     * A ListCommands answer without the lines of these actions: for actions of modules the recording
     * PBX had not loaded (transcript 25 was recorded without res_pjsip, so without PJSIPShowContacts).
     */
    static String withoutActions(String s, Collection<String> actions) {
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        dropped.addAll(actions);
        return LIST_COMMANDS_LINE
                .matcher(s)
                .replaceAll(m -> dropped.contains(m.group(1)) ? "" : Matcher.quoteReplacement(m.group()));
    }
}
