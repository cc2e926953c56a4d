package io.ucmkit.driver;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.ucmkit.ami.AmiMessage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keepalive of one logged-in connection: a Ping every {@code keepaliveInterval} with {@code keepaliveTimeout}
 * as its deadline; a Ping without Pong closes the connection (the supervisor then reconnects), unless the PBX kept
 * sending meanwhile: then only {@code failureThreshold} such Pings in a row do.
 *
 * <p>Thread: the connection's event loop only — the timer fires there and each answer is handled there — so its
 * count is a plain field. Started and stopped by the supervisor, on that loop.
 */
final class Keepalive {

    private static final Logger log = LoggerFactory.getLogger(Keepalive.class);

    private final EventLoop loop;
    private final AmiConnection connection;
    private final DriverConfig config;
    private ScheduledFuture<?> timer;
    private boolean stopped;
    /** Pings in a row left without Pong while the PBX kept sending: tolerated up to the failure threshold. */
    private int pongsMissedWhileSending;

    private Keepalive(EventLoop loop, AmiConnection connection, DriverConfig config) {
        this.loop = loop;
        this.connection = connection;
        this.config = config;
    }

    static Keepalive start(EventLoop loop, AmiConnection connection, DriverConfig config) {
        Keepalive k = new Keepalive(loop, connection, config);
        long period = config.keepaliveInterval().toNanos();
        k.timer = loop.scheduleAtFixedRate(k::ping, period, period, TimeUnit.NANOSECONDS);
        return k;
    }

    /** The connection is gone or replaced: no more Pings, and the answer of one in flight is ignored. */
    void stop() {
        stopped = true;
        timer.cancel(false);
    }

    private void ping() {
        if (stopped) {
            return;
        }
        // Ping needs no privilege; never a blank line (surprise 18).
        long framesBefore = connection.framesReceived();
        connection
                .send(AmiMessage.of("Action", "Ping"), config.keepaliveTimeout())
                .whenCompleteAsync((r, e) -> answered(e, framesBefore), loop);
    }

    private void answered(Throwable e, long framesBefore) {
        if (stopped) {
            return; // a Ping of a connection already replaced
        }
        DriverException d = DriverException.unwrap(e);
        if (d == null || d.kind() != DriverException.Kind.TIMEOUT) {
            pongsMissedWhileSending = 0;
            return;
        }
        long ms = config.keepaliveTimeout().toMillis();
        if (connection.framesReceived() > framesBefore && ++pongsMissedWhileSending < config.failureThreshold()) {
            // The Pong may be queued behind a burst of events on the one ordered stream: the PBX is alive.
            log.warn(
                    "keepalive: no Pong within {} ms, but the PBX is sending ({} in a row); connection kept",
                    ms,
                    pongsMissedWhileSending);
            return;
        }
        String reason = pongsMissedWhileSending >= config.failureThreshold()
                ? "keepalive missed: no Pong within " + ms + " ms to " + pongsMissedWhileSending
                        + " Pings in a row, though the PBX kept sending events (it answers no action)"
                : "keepalive missed: no Pong within " + ms + " ms (the PBX stopped answering)";
        log.warn("{}; reconnecting", reason);
        connection.close(reason);
    }
}
