package io.ucmkit.driver;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.ucmkit.ami.AmiMessage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one logged-in AMI session alive (Lettuce's {@code ConnectionWatchdog}): connect, login (MD5 challenge,
 * plain as configured fallback), privilege check, state re-read, keepalive Ping with a deadline, and on any loss
 * a reconnect after {@link ReconnectDelay}. Every step runs on one event loop, so there is exactly one current
 * connection and exactly one scheduled reconnect. It drives the asset's true state.
 */
final class ConnectionSupervisor implements AmiConnection.Listener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final DriverConfig config;
    private final EventLoop loop;
    private final ActionIds ids;
    private final SystemAsset asset;
    private final EventTranslator translator;
    private final Consumer<DriverEvent> events;
    private final Consumer<AmiMessage> raw;
    private final DoubleSupplier random;
    private final DriverObserver observer;

    private AmiConnection current;
    private volatile AmiConnection ready;
    private ScheduledFuture<?> keepalive;
    private ScheduledFuture<?> reconnect;
    private int attempt;
    /** Consecutive refused logins: they back off on their own, slower policy. */
    private int refusals;

    private boolean stopped;
    private boolean synced;
    private volatile String privilegeProblem;
    private volatile String shutdownAnnounced;
    private volatile int consecutiveFailures;
    /** Pings in a row left without Pong while the PBX kept sending: tolerated up to the failure threshold. */
    private int pongsMissedWhileSending;

    private final RateLimitedWarning translationWarning = new RateLimitedWarning(1, TimeUnit.SECONDS, System::nanoTime);

    ConnectionSupervisor(
            DriverConfig config,
            EventLoop loop,
            ActionIds ids,
            SystemAsset asset,
            EventTranslator translator,
            Consumer<DriverEvent> events,
            Consumer<AmiMessage> raw,
            DoubleSupplier random,
            DriverObserver observer) {
        this.config = config;
        this.loop = loop;
        this.ids = ids;
        this.asset = asset;
        this.translator = translator;
        this.events = events;
        this.raw = raw;
        this.random = random;
        this.observer = observer;
    }

    void start() {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            // A configuration that cannot work never reaches the network (SPEC §5: config invalid).
            asset.setTrueState(
                    SystemAsset.TrueState.NO_COMMUNICATION, "configuration invalid: " + String.join("; ", problems));
            log.error("driver not started: configuration invalid: {}", String.join("; ", problems));
            return;
        }
        loop.execute(this::connect);
    }

    void stop() {
        loop.execute(() -> {
            stopped = true;
            cancelTimers();
            if (reconnect != null) {
                reconnect.cancel(false);
            }
            AmiConnection c = current;
            current = null;
            ready = null;
            if (c != null) {
                c.send(AmiMessage.of("Action", "Logoff"), Duration.ofMillis(500))
                        .whenComplete((r, e) -> c.close("driver stopped"));
            }
        });
    }

    /** The logged-in connection, or null: commands are rejected, never queued, while this is null. */
    AmiConnection ready() {
        return ready;
    }

    /** Privilege learnt from a real command answer (e.g. Originate got Permission denied). */
    void privilegeMissing(String problem) {
        privilegeProblem = problem;
        loop.execute(this::evaluate);
    }

    /** Outcome of a command: consecutive timeouts make the asset Fault ("repeated action failures"). */
    void actionOutcome(boolean timedOut) {
        consecutiveFailures = timedOut ? consecutiveFailures + 1 : 0;
        loop.execute(this::evaluate);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        String target = config.address() + ":" + config.port();
        log.info("connecting to AMI at {} as {} (attempt {})", target, config.username(), attempt + 1);
        AmiConnection.open(loop, config, ids, this, observer)
                .whenCompleteAsync(
                        (c, e) -> {
                            if (e != null) {
                                failed(null, e);
                                return;
                            }
                            if (stopped) {
                                c.close("driver stopped");
                                return;
                            }
                            current = c;
                            observer.connected();
                            log.info(
                                    "connected to {}: banner '{}'",
                                    target,
                                    c.banner().getNow(null).line());
                            login(c).thenCompose(v -> checkPrivileges(c))
                                    .thenCompose(v -> resync(c))
                                    .whenCompleteAsync(
                                            (v, err) -> {
                                                if (err != null) {
                                                    failed(c, err);
                                                } else if (current == c) {
                                                    attempt = 0;
                                                    refusals = 0;
                                                    shutdownAnnounced = null;
                                                    consecutiveFailures = 0;
                                                    pongsMissedWhileSending = 0;
                                                    ready = c;
                                                    scheduleKeepalive(c);
                                                    evaluate();
                                                }
                                            },
                                            loop);
                        },
                        loop);
    }

    private void failed(AmiConnection c, Throwable e) {
        if (c != null && current != c) {
            return; // already handled by onClosed
        }
        DriverException d = DriverException.unwrap(e);
        String reason = d != null ? d.getMessage() : String.valueOf(e);
        if (d != null && d.kind() == DriverException.Kind.CONNECTION_LOST && c != null) {
            reason = "connection closed by the PBX during login";
        }
        boolean refused = d != null && d.kind() == DriverException.Kind.LOGIN_REFUSED;
        Duration wait = refused ? config.refusedLoginRetry().delay(++refusals, random.getAsDouble()) : null;
        if (refused) {
            reason = reason + "; next login attempt in " + Math.round(wait.toMillis() / 1000.0)
                    + " s (a refused login backs off up to "
                    + config.refusedLoginRetry().max().toMinutes()
                    + " min: repeated failed logins can get this host's IP banned)";
        }
        log.warn("AMI session not established: {}", reason);
        asset.setTrueState(SystemAsset.TrueState.NO_COMMUNICATION, reason);
        if (c != null) {
            current = null;
            ready = null;
            c.close(reason);
            observer.disconnected(reason);
        }
        if (refused) {
            scheduleReconnect(wait);
        } else {
            scheduleReconnect();
        }
    }

    private CompletableFuture<Void> login(AmiConnection c) {
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

    private CompletableFuture<AmiResponse> plainLogin(AmiConnection c) {
        return c.send(
                AmiMessage.of("Action", "Login", "Username", config.username(), "Secret", config.password()),
                config.actionTimeout());
    }

    /**
     * ListCommands lists only the actions the user may write (manager.c {@code action_listcommands} checks
     * {@code writeperm}), so it tells us without side effects whether Originate (class originate) and Redirect
     * (class call) are allowed. If it cannot be read, the first refused Originate reports the same.
     */
    private CompletableFuture<Void> checkPrivileges(AmiConnection c) {
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
                        privilegeProblem = null;
                        return null;
                    }
                    boolean originate = r.response().has("Originate");
                    boolean call = r.response().has("Redirect") || r.response().has("Setvar");
                    if (!originate || !call) {
                        String missing = !originate && !call
                                ? "originate and call privileges"
                                : !originate ? "originate privilege" : "call privilege";
                        privilegeProblem = "AMI user '" + config.username() + "' lacks the " + missing + ": "
                                + (!originate
                                        ? "Originate is not among the actions ListCommands offers it (Call Phone and Barge need it)"
                                        : "neither Redirect nor Setvar is offered (channel actions need call)");
                        log.warn(privilegeProblem);
                    } else {
                        privilegeProblem = null;
                    }
                    return null;
                });
    }

    /** AMI.md §3.6–3.8, §3.5: re-read hint states, presence and channels; report what changed while away. */
    private CompletableFuture<Void> resync(AmiConnection c) {
        Duration t = config.actionTimeout();
        var states = listOrEmpty(c.send(AmiMessage.of("Action", "ExtensionStateList"), t), "ExtensionStateList");
        var presence = listOrEmpty(c.send(AmiMessage.of("Action", "PresenceStateList"), t), "PresenceStateList");
        var channels = listOrNull(c.send(AmiMessage.of("Action", "CoreShowChannels"), t), "CoreShowChannels");
        return CompletableFuture.allOf(states, presence, channels).thenAccept(v -> {
            boolean emit = synced;
            synced = true;
            for (DriverEvent ev : translator.resync(states.join(), presence.join(), channels.join(), emit)) {
                events.accept(ev);
            }
        });
    }

    private static CompletableFuture<List<AmiMessage>> listOrEmpty(CompletableFuture<AmiResponse> f, String what) {
        return listOrNull(f, what).thenApply(l -> l == null ? List.of() : l);
    }

    private static CompletableFuture<List<AmiMessage>> listOrNull(CompletableFuture<AmiResponse> f, String what) {
        return f.handle((r, e) -> {
            if (e != null) {
                DriverException d = DriverException.unwrap(e);
                if (d != null && d.kind() == DriverException.Kind.CONNECTION_LOST) {
                    throw d;
                }
                log.info("{} not read: {}", what, e.getMessage());
                return null;
            }
            if (!r.isSuccess()) {
                log.info("{} not read: {}", what, r.message());
                return null;
            }
            return r.items();
        });
    }

    private void scheduleKeepalive(AmiConnection c) {
        long period = config.keepaliveInterval().toNanos();
        keepalive = loop.scheduleAtFixedRate(
                () -> {
                    if (current != c) {
                        return;
                    }
                    // Ping needs no privilege; never a blank line (surprise 18).
                    long framesBefore = c.framesReceived();
                    c.send(AmiMessage.of("Action", "Ping"), config.keepaliveTimeout())
                            .whenCompleteAsync(
                                    (r, e) -> {
                                        if (current != c) {
                                            return; // a Ping of a connection already replaced
                                        }
                                        DriverException d = DriverException.unwrap(e);
                                        if (d == null || d.kind() != DriverException.Kind.TIMEOUT) {
                                            pongsMissedWhileSending = 0;
                                            return;
                                        }
                                        long ms = config.keepaliveTimeout().toMillis();
                                        if (c.framesReceived() > framesBefore
                                                && ++pongsMissedWhileSending < config.failureThreshold()) {
                                            // The Pong may be queued behind a burst of events on the one ordered
                                            // stream: the PBX is alive.
                                            log.warn(
                                                    "keepalive: no Pong within {} ms, but the PBX is sending ({} in a row); connection kept",
                                                    ms,
                                                    pongsMissedWhileSending);
                                            return;
                                        }
                                        String reason = pongsMissedWhileSending >= config.failureThreshold()
                                                ? "keepalive missed: no Pong within " + ms + " ms to "
                                                        + pongsMissedWhileSending
                                                        + " Pings in a row, though the PBX kept sending events (it answers no action)"
                                                : "keepalive missed: no Pong within " + ms
                                                        + " ms (the PBX stopped answering)";
                                        log.warn("{}; reconnecting", reason);
                                        c.close(reason);
                                    },
                                    loop);
                },
                period,
                period,
                TimeUnit.NANOSECONDS);
    }

    private void cancelTimers() {
        if (keepalive != null) {
            keepalive.cancel(false);
            keepalive = null;
        }
    }

    private void scheduleReconnect() {
        scheduleReconnect(config.reconnect().delay(attempt + 1, random.getAsDouble()));
    }

    private void scheduleReconnect(Duration wait) {
        if (stopped) {
            return;
        }
        attempt++;
        log.info("reconnecting in {} ms (attempt {})", wait.toMillis(), attempt + 1);
        reconnect = loop.schedule(this::connect, wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True state from what is known now (SPEC §5 triggers). Runs on the loop. */
    private void evaluate() {
        if (ready == null) {
            return; // No Communication is set by the path that lost the session, with its reason
        }
        String fault = shutdownAnnounced != null
                ? shutdownAnnounced
                : privilegeProblem != null
                        ? privilegeProblem
                        : consecutiveFailures >= config.failureThreshold()
                                ? consecutiveFailures + " consecutive actions got no answer from the PBX"
                                : null;
        if (fault != null) {
            asset.setTrueState(SystemAsset.TrueState.FAULT, fault);
        } else {
            asset.setTrueState(
                    SystemAsset.TrueState.NORMAL,
                    "connected to " + config.address() + ":" + config.port() + " as " + config.username());
        }
    }

    @Override
    public void onEvent(AmiMessage event) {
        raw.accept(event);
        if ("Shutdown".equals(event.eventName())) {
            shutdownAnnounced = "PBX announced Shutdown (" + event.get("Shutdown", "?") + ", restart "
                    + event.get("Restart", "?") + ")";
            evaluate();
        }
        List<DriverEvent> translated;
        try {
            translated = translator.translate(event);
        } catch (RuntimeException e) {
            // One event the translator cannot make sense of must not cost the connection (an exception here
            // would reach the channel and close it): logged, masked, counted, skipped.
            observer.malformedMessage("event not understood: " + e);
            if (translationWarning.tryAcquire() >= 0) {
                log.warn("AMI event skipped, not understood ({}): {}", e.toString(), event);
            }
            return;
        }
        for (DriverEvent ev : translated) {
            events.accept(ev);
        }
    }

    @Override
    public void onClosed(AmiConnection connection, String reason) {
        loop.execute(() -> {
            if (current != connection) {
                return;
            }
            current = null;
            ready = null;
            cancelTimers();
            String why = shutdownAnnounced != null ? reason + " after " + shutdownAnnounced : reason;
            log.warn("AMI connection lost: {}", why);
            observer.disconnected(why);
            asset.setTrueState(SystemAsset.TrueState.NO_COMMUNICATION, why);
            scheduleReconnect();
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
