package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first actions of a session (Lettuce's {@code RedisHandshakeHandler}): login — MD5 Challenge, plain as the
 * configured fallback — then ListCommands for the {@link Privileges}. Holds no state: each call is one handshake,
 * continued on whichever thread completes the answers (in the driver, the connection's event loop). Fails with
 * LOGIN_REFUSED, TIMEOUT or CONNECTION_LOST, in an operator's words.
 */
final class LoginHandshake {

    private static final Logger log = LoggerFactory.getLogger(LoginHandshake.class);

    private final DriverConfig config;
    private final DriverObserver observer;

    LoginHandshake(DriverConfig config, DriverObserver observer) {
        this.config = config;
        this.observer = observer;
    }

    /** Logs in, then reads what the user may do. */
    CompletableFuture<Privileges> perform(ActionSender session) {
        return login(session).thenCompose(v -> privileges(session));
    }

    private CompletableFuture<Void> login(ActionSender c) {
        Duration t = config.actionTimeout();
        CompletableFuture<AmiResponse> response;
        if (config.loginMode() == LoginMode.PLAIN) {
            response = plainLogin(c);
        } else {
            response = c.send(AmiMessage.of("Action", "Challenge", "AuthType", "MD5"), t)
                    .thenCompose(r -> {
                        String challenge = r.response().get("Challenge");
                        if (r.isSuccess() && challenge != null) {
                            return c.send(
                                    AmiMessage.of(
                                            "Action",
                                            "Login",
                                            "AuthType",
                                            "MD5",
                                            "Username",
                                            config.username(),
                                            "Key",
                                            md5Hex(challenge + config.password())),
                                    t);
                        }
                        if (config.loginMode() == LoginMode.MD5_OR_PLAIN) {
                            log.warn("PBX refused the MD5 Challenge ({}); falling back to plain login", r.message());
                            return plainLogin(c);
                        }
                        throw new DriverException(
                                DriverException.Kind.LOGIN_REFUSED,
                                "PBX refused the MD5 Challenge (" + r.message()
                                        + "); set loginMode MD5_OR_PLAIN to allow plain login");
                    });
        }
        return response.handle((r, e) -> {
            if (e != null) {
                DriverException d = DriverException.unwrap(e);
                observer.login(
                        d != null && d.kind() == DriverException.Kind.LOGIN_REFUSED
                                ? DriverObserver.LoginOutcome.REFUSED
                                : DriverObserver.LoginOutcome.FAILED);
                if (d != null && d.kind() == DriverException.Kind.TIMEOUT) {
                    throw new DriverException(
                            DriverException.Kind.TIMEOUT,
                            "the PBX sent its AMI banner but did not answer the login (" + d.getMessage() + ")");
                }
                throw d != null ? d : new DriverException(DriverException.Kind.CONNECTION_LOST, String.valueOf(e));
            }
            if (!r.isSuccess()) {
                observer.login(DriverObserver.LoginOutcome.REFUSED);
                // The PBX answers a wrong secret, an unknown user and a non-permitted IP all alike.
                throw new DriverException(
                        DriverException.Kind.LOGIN_REFUSED,
                        "login refused by the PBX: " + r.message()
                                + " (wrong username or password, or this IP is not in the AMI user's permitted IPs)");
            }
            observer.login(DriverObserver.LoginOutcome.ACCEPTED);
            log.info("logged in as {}", config.username());
            return null;
        });
    }

    private CompletableFuture<AmiResponse> plainLogin(ActionSender c) {
        return c.send(
                AmiMessage.of("Action", "Login", "Username", config.username(), "Secret", config.password()),
                config.actionTimeout());
    }

    /** ListCommands: see {@link Privileges}. */
    private CompletableFuture<Privileges> privileges(ActionSender c) {
        return c.send(AmiMessage.of("Action", "ListCommands"), config.actionTimeout())
                .handle((r, e) -> {
                    DriverException d = DriverException.unwrap(e);
                    if (d != null && d.kind() == DriverException.Kind.TIMEOUT) {
                        // Any logged-in user may run ListCommands: no answer means the PBX stopped answering, and a
                        // session that answers nothing must not be shown as Normal until the first keepalive misses.
                        throw new DriverException(
                                DriverException.Kind.TIMEOUT,
                                "the PBX accepted the login but then answered nothing (" + d.getMessage() + ")");
                    }
                    if (e != null || r == null || !r.isSuccess()) {
                        log.info(
                                "ListCommands unavailable ({}); privileges will be learnt from command answers",
                                e != null ? e.getMessage() : r == null ? "?" : r.message());
                        return Privileges.UNKNOWN;
                    }
                    Privileges privileges = Privileges.listed(r);
                    String problem = privileges.problem(config.username());
                    if (problem != null) {
                        log.warn(problem);
                    }
                    return privileges;
                });
    }

    static String md5Hex(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest)); // lower case: Asterisk compares with strcmp
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
