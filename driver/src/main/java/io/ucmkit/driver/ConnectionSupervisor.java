package io.ucmkit.driver;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one logged-in AMI session alive (Lettuce's {@code ConnectionWatchdog}): connect, the
 * {@link LoginHandshake}, the {@link StateResync}, a {@link Keepalive}, and on any loss a reconnect after
 * {@link ReconnectDelay} (a refused login after its own, slower policy). What happens on the session goes to
 * {@link AssetHealth} (the asset's true state) and {@link EventFanOut} (the events).
 *
 * <p>Thread: every step runs on one event loop, the one the connections are registered on, so there is exactly one
 * current connection and exactly one scheduled reconnect, and its fields are plain. What command threads report
 * ({@link #actionOutcome}, {@link #privilegeMissing}) hops onto the loop. {@link #ready} is the one field read
 * elsewhere: written on the loop only, published through a volatile.
 */
final class ConnectionSupervisor implements AmiConnection.Listener {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSupervisor.class);

    private final DriverConfig config;
    private final EventLoop loop;
    private final ActionIds ids;
    private final LoginHandshake handshake;
    private final StateResync resync;
    private final AssetHealth health;
    private final EventFanOut events;
    private final DoubleSupplier random;
    private final DriverObserver observer;

    private AmiConnection current;
    private volatile AmiConnection ready;
    private Keepalive keepalive;
    private ScheduledFuture<?> reconnect;
    private int attempt;
    /** Consecutive refused logins: they back off on their own, slower policy. */
    private int refusals;

    private boolean stopped;

    ConnectionSupervisor(
            DriverConfig config,
            EventLoop loop,
            ActionIds ids,
            LoginHandshake handshake,
            StateResync resync,
            AssetHealth health,
            EventFanOut events,
            DoubleSupplier random,
            DriverObserver observer) {
        this.config = config;
        this.loop = loop;
        this.ids = ids;
        this.handshake = handshake;
        this.resync = resync;
        this.health = health;
        this.events = events;
        this.random = random;
        this.observer = observer;
    }

    void start() {
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            // A configuration that cannot work never reaches the network (docs/driver.md §5: configuration invalid).
            health.configurationInvalid(problems);
            log.error("driver not started: configuration invalid: {}", String.join("; ", problems));
            return;
        }
        loop.execute(this::connect);
    }

    void stop() {
        loop.execute(() -> {
            stopped = true;
            stopKeepalive();
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

    /** The logged-in connection, or null: commands are rejected, never queued, while this is null. Any thread. */
    AmiConnection ready() {
        return ready;
    }

    /** Privilege learnt from a real command answer (e.g. Originate got Permission denied). Any thread. */
    void privilegeMissing(String problem) {
        onLoop(() -> health.privilegeMissing(problem));
    }

    /** Outcome of a command: consecutive timeouts make the asset Fault. Any thread. */
    void actionOutcome(boolean timedOut) {
        onLoop(() -> health.actionOutcome(timedOut));
    }

    /** Runs at once when already on the loop (an answer completed there), keeping the order of what it reports. */
    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        String target = config.address() + ":" + config.port();
        log.info("connecting to AMI at {} as {} (attempt {})", target, config.username(), attempt + 1);
        AmiConnector.open(loop, config, ids, this, observer)
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
                            establish(c);
                        },
                        loop);
    }

    /** Handshake, then the state re-read; the session is ready only once both are done. */
    private void establish(AmiConnection c) {
        handshake
                .perform(c)
                .thenCompose(privileges -> resync.run(c).thenApply(v -> privileges))
                .whenCompleteAsync(
                        (privileges, err) -> {
                            if (err != null) {
                                failed(c, err);
                            } else if (current == c) {
                                attempt = 0;
                                refusals = 0;
                                ready = c;
                                health.sessionUp(privileges);
                                keepalive = Keepalive.start(loop, c, config);
                            }
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
        health.sessionDown(reason);
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

    private void stopKeepalive() {
        if (keepalive != null) {
            keepalive.stop();
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

    /** On the loop: the connection reads its events there. */
    @Override
    public void onEvent(AmiMessage event) {
        events.accept(event);
    }

    @Override
    public void onClosed(AmiConnection connection, String reason) {
        loop.execute(() -> {
            if (current != connection) {
                return;
            }
            current = null;
            ready = null;
            stopKeepalive();
            String why = health.lossReason(reason);
            log.warn("AMI connection lost: {}", why);
            observer.disconnected(why);
            health.sessionDown(why);
            scheduleReconnect();
        });
    }
}
