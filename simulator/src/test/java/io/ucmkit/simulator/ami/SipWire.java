package io.ucmkit.simulator.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Wire} for the PJSIP transcripts (40-47): also masks what a phone or the SIP exchange
 * chooses (Call-IDs, the phone's ports, contact hashes, expiry, round trips, User-Agent; the PBX's
 * own SIP address, LocalAddress, is compared), keeping
 * each value's shape where the simulator should keep it too, and puts each ExtensionStatus next to
 * its DeviceStateChange, whose relative order Asterisk does not fix.
 */
final class SipWire {

    private static final Pattern MESSAGE_END = Pattern.compile("(?<=\r\n\r\n)");
    private static final Pattern HINT_DEVICE = Pattern.compile("\r\nHint: ([^,\r]*)");
    private static final Pattern DEVICE = Pattern.compile("\r\nDevice: ([^\r]*)");

    private SipWire() {}

    /**
     * {@link Wire#mask} plus the SIP values. The contact URI keeps its extension and host: what a
     * phone puts after its user part is its own (baresip, recorded, adds {@code -0x<pointer>}; a
     * Grandstream phone adds nothing), and so is its User-Agent (baresip there, Grandstream models
     * here). RoundtripUsec is masked only when not 0: 0 is what Asterisk prints before a qualify.
     */
    static String mask(String s) {
        return Wire.mask(s)
                .replaceAll("SessionID: [0-9a-f]{16}(?=\r)", "SessionID: <call-id>")
                .replaceAll("CallId: [0-9a-f]{16}(?=\r)", "CallId: <call-id>")
                .replaceAll("RemoteAddress: IPV4/UDP/127\\.0\\.0\\.1/\\d+", "RemoteAddress: IPV4/UDP/127.0.0.1/<port>")
                .replaceAll(
                        "(URI|Uri): sip:(\\d+)(?:-0x[0-9a-f]+)?@127\\.0\\.0\\.1:\\d+(?=\r)",
                        "$1: sip:$2@127.0.0.1:<port>")
                .replaceAll("ObjectName: (\\d+);@[0-9a-f]{32}(?=\r)", "ObjectName: $1;@<md5>")
                .replaceAll("ViaPort: \\d+", "ViaPort: <port>")
                .replaceAll("UserAgent: [^\r]+", "UserAgent: <user-agent>")
                .replaceAll("ExpirationTime: \\d+", "ExpirationTime: <t>")
                .replaceAll("RoundtripUsec: [1-9]\\d*", "RoundtripUsec: <usec>");
    }

    /**
     * The stream with every ExtensionStatus event moved right before the DeviceStateChange of its
     * hint's device: Asterisk raises the two on different threads, so either may come first and
     * other events (PeerStatus, transcript 47) may fall between them (transcripts README #15).
     * Everything else keeps its place.
     */
    static String extensionStatusBesideDeviceState(String stream) {
        List<String> out = new ArrayList<>();
        List<String> waiting = new ArrayList<>(); // ExtensionStatus events whose DeviceStateChange is still to come
        for (String m : MESSAGE_END.split(stream)) {
            if (m.startsWith("Event: ExtensionStatus\r\n")) {
                int dsc = unpairedDeviceStateChange(out, field(HINT_DEVICE, m));
                if (dsc >= 0) {
                    out.add(dsc, m);
                } else {
                    waiting.add(m);
                }
            } else if (m.startsWith("Event: DeviceStateChange\r\n")) {
                String device = field(DEVICE, m);
                waiting.stream()
                        .filter(es -> device.equals(field(HINT_DEVICE, es)))
                        .findFirst()
                        .ifPresent(es -> {
                            waiting.remove(es);
                            out.add(es);
                        });
                out.add(m);
            } else {
                out.add(m);
            }
        }
        out.addAll(waiting);
        return String.join("", out);
    }

    /** The index of the last DeviceStateChange of this device not yet preceded by its ExtensionStatus, or -1. */
    private static int unpairedDeviceStateChange(List<String> out, String device) {
        for (int i = out.size() - 1; i >= 0; i--) {
            String m = out.get(i);
            if (m.startsWith("Event: DeviceStateChange\r\n") && device.equals(field(DEVICE, m))) {
                boolean paired = i > 0
                        && out.get(i - 1).startsWith("Event: ExtensionStatus\r\n")
                        && device.equals(field(HINT_DEVICE, out.get(i - 1)));
                return paired ? -1 : i;
            }
        }
        return -1;
    }

    private static String field(Pattern p, String message) {
        Matcher m = p.matcher(message);
        return m.find() ? m.group(1) : "";
    }
}
