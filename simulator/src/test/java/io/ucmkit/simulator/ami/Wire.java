package io.ucmkit.simulator.ami;

import io.ucmkit.ami.testing.Transcript;
import java.nio.charset.StandardCharsets;

/**
 * Transcript text adapted to the simulator: user names made UCM-legal (≥ 8 chars), the context
 * and hint devices of a UCM ({@code from-internal}, {@code PJSIP/100x} instead of {@code Custom:100x}),
 * and volatile values (timestamps, session ids, ports, uptime, challenges) masked on both sides.
 */
final class Wire {

  private Wire() {
  }

  static String clientBytes(String transcript) {
    return adapt(new String(Transcript.load(transcript).clientToServer(), StandardCharsets.UTF_8));
  }

  static String serverBytes(String transcript) {
    return mask(adapt(new String(Transcript.load(transcript).serverToClient(), StandardCharsets.UTF_8)));
  }

  /**
   * The messages of a stream as a sorted list: for transcripts whose event order Asterisk does not
   * fix (DeviceStateChange vs ExtensionStatus, transcripts README #15).
   */
  static java.util.List<String> messagesSorted(String stream) {
    return java.util.Arrays.stream(stream.split("(?<=\r\n)\r\n")).sorted().toList();
  }

  static String adapt(String s) {
    return s.replace("Username: admin\r", "Username: amiadmin\r").replace("Secret: admin123", "Secret: amiadmin1")
        .replace("AccountID: admin\r", "AccountID: amiadmin\r").replace("Username: limited\r", "Username: amireader\r")
        .replace("Secret: limited123", "Secret: amireader1").replace("Context: internal", "Context: from-internal")
        .replace("Custom:100", "PJSIP/100").replace("@internal", "@from-internal");
  }

  static String mask(String s) {
    return s.replaceAll("Timestamp: \\d+\\.\\d{6}", "Timestamp: <ts>")
        .replaceAll("(EventTV|SessionTV): [0-9T:.+-]+", "$1: <tv>")
        .replaceAll("SessionID: 0x[0-9a-f]+", "SessionID: <id>")
        .replaceAll("(Local|Remote)Address: IPV4/TCP/127\\.0\\.0\\.1/\\d+", "$1Address: <addr>")
        .replaceAll("(Uptime|LastReload): \\d+", "$1: <n>")
        .replaceAll("Challenge: \\d+", "Challenge: <c>")
        .replaceAll("Core(Startup|Reload)(Date|Time): [0-9:-]+", "Core$1$2: <t>");
  }
}
