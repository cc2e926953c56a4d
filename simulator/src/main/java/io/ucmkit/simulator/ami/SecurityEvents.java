package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.pbx.SipSecurityEvents;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The manager's security events (published only to {@code security} readers), required fields in
 * order, times as {@code %FT%T.%q%z}, for AMI logins (transcripts 01 and 30; failed logins with
 * {@code SessionTV} at the epoch as Asterisk prints them). res_pjsip's, for phones' SIP requests,
 * are the PBX model's ({@link io.ucmkit.simulator.pbx.SipSecurityEvents}).
 */
public final class SecurityEvents {

    private static final DateTimeFormatter TV = SipSecurityEvents.TV;
    private static final String EPOCH_TV = "1970-01-01T00:00:00.000+0000";

    private SecurityEvents() {}

    static AmiMessage successfulAuth(AmiServer server, AmiSession s, String user) {
        String now = TV.format(server.clock().instant());
        return head("SuccessfulAuth", now, "Informational", "1", user, s)
                .add("UsingPassword", "0")
                .add("SessionTV", sessionTv(s))
                .build();
    }

    static AmiMessage invalidAccountId(AmiServer server, AmiSession s, String user) {
        return failure("InvalidAccountID", "1", server.clock().instant(), s, user)
                .add("SessionTV", EPOCH_TV)
                .build();
    }

    static AmiMessage failedAcl(AmiServer server, AmiSession s, String user) {
        return failure("FailedACL", "1", server.clock().instant(), s, user)
                .add("SessionTV", EPOCH_TV)
                .build();
    }

    static AmiMessage invalidPassword(AmiServer server, AmiSession s, String user) {
        return failure("InvalidPassword", "2", server.clock().instant(), s, user)
                .add("SessionTV", EPOCH_TV)
                .build();
    }

    /** Transcript 30: AccountID is empty here, and the challenge, received and expected key follow. */
    static AmiMessage challengeResponseFailed(
            AmiServer server, AmiSession s, String challenge, String key, String expected) {
        return failure("ChallengeResponseFailed", "1", server.clock().instant(), s, "")
                .add("Challenge", challenge)
                .add("Response", key)
                .add("ExpectedResponse", expected)
                .add("SessionTV", EPOCH_TV)
                .build();
    }

    /**
     * What the manager publishes for a request without an action ({@code action} is then
     * {@code NONE}) or with an action it does not know (transcript 31), logged in or not. Its
     * fields come in another order than a login's: AccountID is optional here, so it follows
     * SessionTV; it is the session's user, empty before login. RequestType is Asterisk's 64-byte
     * {@code "Action: %s"} buffer, so a long action name is cut there.
     */
    static AmiMessage requestBadFormat(AmiServer server, AmiSession s, String action) {
        return EventBus.event("RequestBadFormat", Privileges.SECURITY)
                .add("EventTV", TV.format(server.clock().instant()))
                .add("Severity", "Error")
                .add("Service", "AMI")
                .add("EventVersion", "1")
                .add("SessionID", s.id())
                .add("LocalAddress", address(s.localAddress()))
                .add("RemoteAddress", address(s.remoteAddress()))
                .add("RequestType", AsteriskText.truncate("Action: " + action, REQUEST_TYPE_BUFFER))
                .add("SessionTV", sessionTv(s))
                .add("AccountID", s.username() == null ? "" : s.username())
                .build();
    }

    /** {@code char request_type[64]} in manager.c's report functions. */
    private static final int REQUEST_TYPE_BUFFER = 64;

    /** Asterisk's {@code sessionstart_tv}: set at login, zero (the epoch) before. */
    private static String sessionTv(AmiSession s) {
        Instant at = s.authenticatedAt();
        return at == null ? EPOCH_TV : TV.format(at);
    }

    private static AmiMessage.Builder failure(String name, String version, Instant now, AmiSession s, String user) {
        return head(name, TV.format(now), "Error", version, user, s);
    }

    private static AmiMessage.Builder head(
            String name, String now, String severity, String version, String user, AmiSession s) {
        return EventBus.event(name, Privileges.SECURITY)
                .add("EventTV", now)
                .add("Severity", severity)
                .add("Service", "AMI")
                .add("EventVersion", version)
                .add("AccountID", user == null ? "" : user)
                .add("SessionID", s.id())
                .add("LocalAddress", address(s.localAddress()))
                .add("RemoteAddress", address(s.remoteAddress()));
    }

    private static String address(InetSocketAddress a) {
        boolean v6 = a.getAddress() instanceof java.net.Inet6Address;
        return (v6 ? "IPV6" : "IPV4") + "/TCP/" + a.getAddress().getHostAddress() + "/" + a.getPort();
    }
}
