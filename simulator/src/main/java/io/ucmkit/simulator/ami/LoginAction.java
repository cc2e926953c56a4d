package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.ManagerEvent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Login (docs/ami.md §2.1, §2.2, §2.4): user lookup, per-user permit list (empty denies all), then the
 * MD5 key (lower-case hex of md5(challenge + secret), compared exactly) or the plain secret. A
 * failure publishes its security event at once, answers {@code Authentication failed} after the
 * configured delay (Asterisk sleeps 1 s) and closes; nothing sent after the bad Login is read.
 */
final class LoginAction implements ActionHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoginAction.class);

    @Override
    public void handle(ActionContext ctx) {
        AmiSession s = ctx.session();
        AmiMessage req = ctx.request();
        if (s.authenticated()) {
            ctx.success("Already authenticated");
            return;
        }
        AmiServer server = ctx.server();
        String name = req.get("Username", "");
        AmiUserConfig user = server.user(name).orElse(null);
        ManagerEvent security = null;
        String refusal = null;
        if (user == null) {
            security = SecurityEvents.invalidAccountId(server, s, name);
            refusal = "unknown user";
        } else if (!server.settings().permitAny()
                && !permitted(user, s.remoteAddress().getAddress())) {
            security = SecurityEvents.failedAcl(server, s, name);
            refusal = "IP not permitted (the user's permit list is " + user.permit()
                    + "; --permit-any or UCMKIT_PERMIT_ANY=true accepts any host)";
        } else if ("md5".equalsIgnoreCase(req.get("AuthType", ""))
                && !req.get("Key", "").isEmpty()
                && s.challenge() != null) {
            String expected = md5(s.challenge() + user.secret());
            if (!expected.equals(req.get("Key"))) {
                security = SecurityEvents.challengeResponseFailed(server, s, s.challenge(), req.get("Key"), expected);
                refusal = "wrong secret (MD5 key)";
            }
        } else if (!user.secret().equals(req.get("Secret"))) {
            security = SecurityEvents.invalidPassword(server, s, name);
            refusal = "wrong secret";
        }
        if (security != null) {
            // One line an operator can act on; the client only ever sees "Authentication failed".
            // Operators (and ContainerCommandIT) look for this line's start: the session id goes last.
            LOG.warn(
                    "AMI login refused for user '{}' from {}: {} (session {})",
                    name,
                    s.remoteAddress().getAddress().getHostAddress(),
                    refusal,
                    s.id());
            ctx.refuse(refusal);
            ctx.pbx().events().publish(security);
            // Deferred, not just scheduled: Asterisk's session thread sleeps, so the rest of the input is never
            // processed.
            AmiMessage failed = AmiResponses.error(req, "Authentication failed");
            CompletableFuture<AmiMessage> answer = new CompletableFuture<>();
            server.schedule(s, server.settings().authFailureDelay(), () -> answer.complete(failed));
            ctx.replyLaterAndClose(answer);
            return;
        }
        int read = Privileges.mask(user.read());
        s.authenticate(
                user,
                read,
                Privileges.mask(user.write()),
                EventsAction.parseMask(req.get("Events")),
                server.clock().instant());
        ctx.success("Authentication accepted");
        LOG.info(
                "AMI session {} logged in as '{}' from {}",
                s.id(),
                user.username(),
                s.remoteAddress().getAddress().getHostAddress());
        if ((read & Privileges.SYSTEM) != 0 && (s.eventMask() & Privileges.SYSTEM) != 0) {
            // Written to this session only, right after the response (transcript 01); Asterisk 13 has Status only.
            ctx.reply(ManagerEvent.of("FullyBooted", Privileges.SYSTEM, booted -> {
                        if (server.settings().asteriskVersion() >= 14) {
                            long up = java.time.Duration.between(
                                            server.startedAt(), server.clock().instant())
                                    .toSeconds();
                            booted.add("Uptime", Long.toString(up)).add("LastReload", Long.toString(up));
                        }
                        booted.add("Status", "Fully Booted");
                    })
                    .message());
        }
        ctx.pbx().events().publish(SecurityEvents.successfulAuth(server, s, user.username()));
    }

    static boolean permitted(AmiUserConfig user, InetAddress peer) {
        byte[] ip = peer.getAddress();
        for (String permit : user.permit()) {
            String[] parts = permit.split("/");
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                byte[] mask = InetAddress.getByName(parts[1]).getAddress();
                if (net.length != ip.length) {
                    continue;
                }
                boolean match = true;
                for (int i = 0; i < ip.length; i++) {
                    match &= (ip[i] & mask[i]) == (net[i] & mask[i]);
                }
                if (match) {
                    return true;
                }
            } catch (UnknownHostException e) {
                // validated at start-up; an unparsable entry permits nothing
            }
        }
        return false;
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
