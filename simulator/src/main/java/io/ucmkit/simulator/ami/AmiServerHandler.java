package io.ucmkit.simulator.ami;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.ucmkit.ami.AmiBanner;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.time.SimScheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Per-connection protocol driver, modelled on Asterisk's {@code session_do}/{@code process_message}:
 * banner on connect, authlimit and authtimeout, decode failures answered as Asterisk does
 * (transcripts 07 and 21), and the dispatch order: missing action, then
 * {@code Permission denied} before login, then unknown action, then the write-class check.
 *
 * <p>Operator log: each connect, refusal and close at INFO (who, why, how long, bytes received;
 * a refused login at WARN, from {@link LoginAction}), each request at DEBUG with its outcome,
 * secrets masked ({@link AmiMessage#toString}).
 */
final class AmiServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AmiServerHandler.class);
    /** {@code char buf[512]} of process_message's unknown-action answer. */
    private static final int UNKNOWN_COMMAND_BUFFER = 512;

    private final AmiServer server;
    private AmiSession session;
    private boolean countedUnauthenticated;
    private SimScheduler.Cancellable authTimer;
    /** Turned away by authlimit: logged once at connect, not again at the close. */
    private boolean refused;

    private final java.util.ArrayDeque<Object> backlog = new java.util.ArrayDeque<>();
    private boolean waiting;

    AmiServerHandler(AmiServer server) {
        this.server = server;
    }

    /** Counts the bytes the client sends before the decoder sees them; goes first in the pipeline. */
    ChannelInboundHandlerAdapter inboundBytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (session != null && msg instanceof ByteBuf bytes) {
                    session.received(bytes.readableBytes());
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = server.register(ctx.channel());
        // authlimit: Asterisk drops an excess unauthenticated connection before the banner.
        if (server.unauthenticated().incrementAndGet() > server.settings().maxUnauthenticated()) {
            server.unauthenticated().decrementAndGet();
            refused = true;
            LOG.info(
                    "AMI connection from {} refused before the banner: {} sessions are waiting to log in (authlimit)",
                    address(),
                    server.settings().maxUnauthenticated());
            ctx.close();
            return;
        }
        countedUnauthenticated = true;
        LOG.info("AMI session {} connected from {}", session.id(), address());
        ctx.writeAndFlush(AmiBanner.asterisk(server.settings().amiVersion()));
        Duration authTimeout = server.settings().authTimeout();
        authTimer = server.schedule(session, authTimeout, () -> {
            if (!session.authenticated()) {
                // closed silently (transcript 28)
                session.closeAfter(null, "did not log in within " + authTimeout.toSeconds() + " s (authtimeout)");
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        leaveUnauthenticated();
        if (authTimer != null) {
            authTimer.cancel();
        }
        server.unregister(ctx.channel());
        if (!refused) {
            String reason = session.closeReason();
            long millis = Duration.between(session.connectedAt(), server.clock().instant())
                    .toMillis();
            // A dropped slow reader is the one close an operator should look at: WARN, like a refused login.
            LOG.atLevel(session.unsentWhenDropped() >= 0 ? Level.WARN : Level.INFO)
                    .log(
                            "AMI session {} ({}) from {} closed after {}.{} s, {} bytes received: {}",
                            session.id(),
                            session.authenticated() ? "user '" + session.username() + "'" : "not logged in",
                            address(),
                            millis / 1000,
                            String.format("%03d", millis % 1000),
                            session.bytesReceived(),
                            reason == null ? "the client closed the connection" : reason);
        }
    }

    private String address() {
        InetSocketAddress a = session.remoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** Called once a session logs in or closes, so authlimit counts only waiting sessions. */
    void leaveUnauthenticated() {
        if (countedUnauthenticated) {
            countedUnauthenticated = false;
            server.unauthenticated().decrementAndGet();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session.closing()) {
            return;
        }
        if (waiting) {
            // A deferred answer is pending: Asterisk's session thread is blocked, so later actions wait.
            backlog.add(msg);
            return;
        }
        if (msg instanceof AmiMessage m) {
            process(m);
        } else if (msg instanceof AmiDecodeFailure f) {
            // The reason only: the failure's detail quotes the bad line, which may be a Secret header.
            LOG.debug("AMI session {}: malformed request ({})", session.id(), f.reason());
            switch (f.reason()) {
                case LINE_TOO_LONG -> answer(f.partial(), "Failed to parse message: line too long");
                case TOO_MANY_HEADERS, MESSAGE_TOO_LARGE ->
                    answer(f.partial(), "Too many lines in message or allocation failure");
                // Asterisk ignores a colon-less (or otherwise unparsable) line and processes the rest (transcript 07).
                default -> process(f.partial());
            }
        }
        if (session.authenticated()) {
            leaveUnauthenticated();
        }
    }

    private void answer(AmiMessage partial, String error) {
        journal(partial, "invalid", error);
        session.beginAction();
        session.write(AmiResponses.error(partial, error));
        session.endAction();
    }

    private void process(AmiMessage request) {
        session.beginAction();
        ActionContext context = new ActionContext(request, session, server);
        try {
            dispatch(request, context);
            if (session.authenticated()) {
                leaveUnauthenticated(); // before the response is flushed, so a client that reads it may connect again
                // at once
            }
        } finally {
            if (context.deferred() == null) {
                session.endAction();
            }
        }
        if (context.deferred() != null) {
            waiting = true;
            session.channel().config().setAutoRead(false);
            context.deferred()
                    .whenComplete((messages, failure) -> session.channel()
                            .eventLoop()
                            .execute(() -> {
                                if (context.closeAfterDeferred()) {
                                    // The session ends with this answer: what arrived meanwhile is dropped unread, and
                                    // autoRead stays off so nothing more is read before the close.
                                    backlog.clear();
                                    if (failure != null) {
                                        LOG.warn(
                                                "deferred last answer failed; closing the session without it", failure);
                                    }
                                    session.closeAfter(
                                            failure != null || messages.isEmpty()
                                                    ? null
                                                    : messages.get(messages.size() - 1),
                                            context.refusal() == null
                                                    ? "closed after "
                                                            + context.request().action()
                                                    : "login refused: " + context.refusal());
                                    return;
                                }
                                if (failure != null) {
                                    context.error(
                                            failure.getMessage() == null ? "Internal error" : failure.getMessage());
                                } else {
                                    messages.forEach(context::reply);
                                }
                                session.endAction();
                                waiting = false;
                                session.channel().config().setAutoRead(true);
                                while (!waiting && !backlog.isEmpty()) {
                                    channelRead(null, backlog.poll());
                                }
                            }));
        }
    }

    private void dispatch(AmiMessage request, ActionContext context) {
        String action = request.action();
        if (action == null || action.isEmpty()) {
            journal(request, "invalid", "no action");
            reportBadFormat("NONE");
            context.error("Missing action in request");
            return;
        }
        var handler = server.registry().find(action);
        if (!session.authenticated()
                && !(handler.isPresent() && handler.get().spec().beforeLogin())) {
            journal(request, "denied", "not logged in");
            context.error("Permission denied");
            return;
        }
        if (handler.isEmpty()) {
            journal(request, "unknown", "no such action");
            reportBadFormat(action);
            // Asterisk formats this into a 512-byte buffer: a long action name cuts the sentence short.
            context.error(AsteriskText.truncate(
                    "Invalid/unknown command: " + action + ". Use Action: ListCommands to show available commands.",
                    UNKNOWN_COMMAND_BUFFER));
            return;
        }
        ActionSpec spec = handler.get().spec();
        if (spec.privilege() != 0 && (session.writePerm() & spec.privilege()) == 0) {
            journal(
                    request,
                    "denied",
                    "the action needs (Priv: " + Privileges.listCommandsPrivilege(spec.privilege()) + ")");
            context.error("Permission denied");
            return;
        }
        try {
            handler.get().handler().handle(context);
        } finally {
            // After the handler, which is the one to know whether it refused (a Login with a wrong secret).
            if (context.refusal() == null) {
                journal(request, "handled", null);
            } else {
                journal(request, "refused", context.refusal());
            }
        }
    }

    /**
     * A RequestBadFormat security event, as Asterisk's process_message raises one before it answers
     * a missing or an unknown action (transcript 31). The session's own copy goes out after the
     * answer, as the published event does on Asterisk.
     */
    private void reportBadFormat(String action) {
        server.pbx().events().publish(SecurityEvents.requestBadFormat(server, session, action), Privileges.SECURITY);
    }

    private void journal(AmiMessage request, String outcome, String reason) {
        server.journal().record(server.clock().instant(), session, request, outcome, reason);
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "AMI session {} ({}): {} {}{}",
                    session.id(),
                    session.authenticated() ? session.username() : "not logged in",
                    outcome,
                    request,
                    reason == null ? "" : " (" + reason + ")");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.warn("AMI session {} failed; closing", session == null ? "?" : session.id(), cause);
        }
        if (session != null) {
            session.closeReason(
                    cause instanceof IOException
                            ? "connection error: " + cause.getMessage()
                            : "simulator error: " + cause);
        }
        ctx.close();
    }
}
