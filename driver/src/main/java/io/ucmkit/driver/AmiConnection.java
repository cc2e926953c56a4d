package io.ucmkit.driver;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.ucmkit.ami.AmiBanner;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiFrame;
import io.ucmkit.ami.AmiHeaders;
import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP session with an AMI server: banner, actions matched by ActionID ({@link PendingActions}), events handed
 * to a listener. Modelled on Lettuce's {@code CommandHandler}: an action is registered before it is written, fails
 * if the write fails, fails at its deadline, and every pending action fails when the channel goes inactive. Nothing
 * is ever resent: a new connection is a new object with an empty map.
 *
 * <p>Thread: {@link #send} on any thread (Netty hands the write to the event loop); everything read, and the
 * listener's calls, on the channel's event loop.
 */
final class AmiConnection implements ActionSender {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);
    /** The decoder quotes the start of a bad line; when that line is a credential, its value is masked. */
    private static final Pattern QUOTED_SECRET = Pattern.compile("(?is)'((?:secret|key)\\s*:).*'");

    /** Receives what the connection cannot handle itself. Called on the connection's event loop, in order. */
    interface Listener {
        void onEvent(AmiMessage event);

        void onClosed(AmiConnection connection, String reason);
    }

    private final Channel channel;
    private final ActionIds ids;
    private final PendingActions pending;
    private final CompletableFuture<AmiBanner> banner = new CompletableFuture<>();
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private final Listener listener;
    private final DriverConfig config;
    private final DriverObserver observer;
    /** One warning a second per kind: a PBX sending garbage in a loop must not flood the log (all are counted). */
    private final RateLimitedWarning malformedWarning = new RateLimitedWarning(1, TimeUnit.SECONDS, System::nanoTime);

    private volatile long decodeFailures;
    private volatile long framesReceived;

    AmiConnection(Channel channel, ActionIds ids, Listener listener, DriverConfig config, DriverObserver observer) {
        this.channel = channel;
        this.ids = ids;
        this.listener = listener;
        this.config = config;
        this.observer = observer;
        this.pending = new PendingActions(observer);
    }

    /** A decoder failure's sentence with any quoted Secret or Key value masked: it goes to the log. */
    static String masked(String detail) {
        return QUOTED_SECRET.matcher(detail).replaceAll("'$1 " + AmiHeaders.MASK + "'");
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    /** The banner, or the failure to get one; completed on the event loop. */
    CompletableFuture<AmiBanner> banner() {
        return banner;
    }

    /** The handler that ends this connection's pipeline, after the codec: reads frames, sees the channel end. */
    ChannelHandler handler() {
        return new Handler();
    }

    boolean isOpen() {
        return channel.isActive() && closeReason.get() == null;
    }

    long lateResponses() {
        return pending.lateResponses();
    }

    long decodeFailures() {
        return decodeFailures;
    }

    int pendingCount() {
        return pending.size();
    }

    /** Frames read from the PBX so far, good or bad: proof of life when a Pong is late behind a burst. */
    long framesReceived() {
        return framesReceived;
    }

    /**
     * Sends an action with a fresh ActionID (any ActionID in {@code action} is replaced). The future completes
     * with the response (list actions: with their items), or fails with TIMEOUT after {@code timeout}, or with
     * CONNECTION_LOST if the connection drops first. A closed connection fails the action at once.
     */
    @Override
    public CompletableFuture<AmiResponse> send(AmiMessage action, Duration timeout) {
        return send(action, timeout, ids.next());
    }

    /** As {@link #send(AmiMessage, Duration)} with an ActionID from {@link ActionIds#next()} chosen by the caller. */
    CompletableFuture<AmiResponse> send(AmiMessage action, Duration timeout, String actionId) {
        AmiMessage message = action.toBuilder()
                .remove(AmiHeaders.ACTION_ID)
                .add(AmiHeaders.ACTION_ID, actionId)
                .build();
        PendingAction p = new PendingAction(actionId, action.action());
        pending.observe(p);
        String reason = closeReason.get();
        if (reason != null || !channel.isActive()) {
            p.future.completeExceptionally(new DriverException(
                    DriverException.Kind.NOT_CONNECTED,
                    "not connected to the PBX" + (reason == null ? "" : ": " + reason)));
            return p.future;
        }
        pending.register(p, channel.eventLoop(), timeout);
        channel.writeAndFlush(message).addListener(f -> {
            if (!f.isSuccess()) {
                pending.fail(
                        p,
                        new DriverException(
                                DriverException.Kind.CONNECTION_LOST,
                                p.action + " could not be written: " + describe(f.cause())));
            }
        });
        if (log.isDebugEnabled()) {
            log.debug("-> {}", message); // AmiMessage.toString() masks Secret and Key
        }
        return p.future;
    }

    /** Closes with a reason that pending actions and the listener will see. Idempotent. */
    void close(String reason) {
        closeReason.compareAndSet(null, reason);
        channel.close();
    }

    private final class Handler extends SimpleChannelInboundHandler<AmiFrame> {

        private boolean handshakeDone;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, AmiFrame frame) {
            framesReceived++;
            if (frame instanceof AmiBanner b) {
                log.debug("banner {}", b.line());
                banner.complete(b);
            } else if (frame instanceof AmiMessage m) {
                if (log.isTraceEnabled()) {
                    log.trace("<- {}", m); // AmiMessage.toString() masks Secret and Key
                }
                onMessage(m);
            } else if (frame instanceof AmiDecodeFailure f) {
                decodeFailures++;
                observer.malformedMessage(f.reason().name());
                long held = malformedWarning.tryAcquire();
                if (held >= 0) {
                    log.warn(
                            "undecodable AMI input from the PBX ({}: {}); skipped{}: {}",
                            f.reason(),
                            masked(f.detail()),
                            held == 0 ? "" : " (" + held + " more since the last warning, not logged)",
                            f.partial());
                }
                if (f.reason() == AmiDecodeFailure.Reason.TRUNCATED) {
                    // Decoded when the channel closed: the close that follows gets this, more telling, reason.
                    closeReason.compareAndSet(null, "the PBX closed the connection in the middle of a message");
                }
                pending.undecodable(f);
            }
        }

        private void onMessage(AmiMessage m) {
            if (!banner.isDone()) {
                // Some proxies send no banner; a message proves we talk AMI.
                banner.complete(new AmiBanner("Asterisk Call Manager/unknown"));
            }
            if (m.isResponse()) {
                pending.response(m);
                return;
            }
            String id = m.actionId();
            if (m.isEvent() && id != null && pending.listEvent(m, id)) {
                return; // an item of our own pending list action
            }
            if (m.isEvent()) {
                observer.eventReceived();
                listener.onEvent(m);
            } else if (!m.isEmpty()) {
                observer.malformedMessage("neither response nor event");
                long held = malformedWarning.tryAcquire();
                if (held >= 0) {
                    log.warn("AMI message that is neither response nor event, ignored: {}", m);
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeReason.compareAndSet(null, "connection closed by the PBX");
            String reason = closeReason.get();
            banner.completeExceptionally(new DriverException(
                    DriverException.Kind.NOT_CONNECTED, "connection closed before the AMI banner: " + reason));
            pending.failAll(reason);
            listener.onClosed(AmiConnection.this, reason);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof SslHandshakeCompletionEvent e) {
                handshakeDone = e.isSuccess();
                if (!e.isSuccess()) {
                    tlsFailed(e.cause());
                }
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // SslHandler reports a failed handshake both as an event and as this exception; either comes first.
            if (!handshakeDone && AmiTls.isTlsFailure(cause)) {
                tlsFailed(cause);
                return;
            }
            log.warn("AMI connection error: {}", describe(cause));
            close("I/O error: " + describe(cause));
        }

        /** Fails the connect with the handshake's own reason, not "closed before the banner" that would follow. */
        private void tlsFailed(Throwable cause) {
            String reason = AmiTls.handshakeFailure(cause, config);
            // Logged once, by the supervisor ("AMI session not established: ..."), with the asset change.
            banner.completeExceptionally(new DriverException(DriverException.Kind.NOT_CONNECTED, reason));
            close(reason);
        }
    }
}
