package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.pbx.EventBus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * AMI security events (AMI.md §4.4, transcripts 01 and 30): required fields in order, times as
 * {@code %FT%T.%q%z}, failed logins with {@code SessionTV} at the epoch as Asterisk prints them.
 */
final class SecurityEvents {

  private static final DateTimeFormatter TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final String EPOCH_TV = "1970-01-01T00:00:00.000+0000";

  private SecurityEvents() {
  }

  static AmiMessage successfulAuth(AmiServer server, AmiSession s, String user) {
    String now = TV.format(server.clock().instant());
    return head("SuccessfulAuth", now, "Informational", "1", user, s).add("UsingPassword", "0").add("SessionTV", now).build();
  }

  static AmiMessage invalidAccountId(AmiServer server, AmiSession s, String user) {
    return failure("InvalidAccountID", "1", server.clock().instant(), s, user).add("SessionTV", EPOCH_TV).build();
  }

  static AmiMessage failedAcl(AmiServer server, AmiSession s, String user) {
    return failure("FailedACL", "1", server.clock().instant(), s, user).add("SessionTV", EPOCH_TV).build();
  }

  static AmiMessage invalidPassword(AmiServer server, AmiSession s, String user) {
    return failure("InvalidPassword", "2", server.clock().instant(), s, user).add("SessionTV", EPOCH_TV).build();
  }

  /** Transcript 30: AccountID is empty here, and the challenge, received and expected key follow. */
  static AmiMessage challengeResponseFailed(AmiServer server, AmiSession s, String challenge, String key, String expected) {
    return failure("ChallengeResponseFailed", "1", server.clock().instant(), s, "").add("Challenge", challenge)
        .add("Response", key).add("ExpectedResponse", expected).add("SessionTV", EPOCH_TV).build();
  }

  private static AmiMessage.Builder failure(String name, String version, Instant now, AmiSession s, String user) {
    return head(name, TV.format(now), "Error", version, user, s);
  }

  private static AmiMessage.Builder head(String name, String now, String severity, String version, String user, AmiSession s) {
    return EventBus.event(name, Privileges.SECURITY).add("EventTV", now).add("Severity", severity).add("Service", "AMI")
        .add("EventVersion", version).add("AccountID", user == null ? "" : user).add("SessionID", s.id())
        .add("LocalAddress", address(s.localAddress())).add("RemoteAddress", address(s.remoteAddress()));
  }

  private static String address(InetSocketAddress a) {
    boolean v6 = a.getAddress() instanceof java.net.Inet6Address;
    return (v6 ? "IPV6" : "IPV4") + "/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
  }
}
