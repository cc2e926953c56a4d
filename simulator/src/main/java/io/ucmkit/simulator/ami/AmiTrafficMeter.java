package io.ucmkit.simulator.ami;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Meters one AMI connection where it meets the wire, between the codec and the session's handler, so the
 * protocol code needs no metrics calls: each request is queued with its arrival time, and each message written
 * with a {@code Response:} header answers the oldest one (the session answers actions strictly in order).
 * Events written between a {@code EventList: start} response and its {@code EventList: Complete} event are the
 * action's list, not events, and are not counted as sent.
 */
public final class AmiTrafficMeter extends ChannelDuplexHandler {

    private record Pending(String action, long arrivedNanos) {}

    private final AmiObserver observer;
    private final UnaryOperator<String> actionName;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private boolean inList;

    /** {@code actionName} maps a client's action name to its registered one, or {@code unknown}. */
    public AmiTrafficMeter(AmiObserver observer, UnaryOperator<String> actionName) {
        this.observer = observer;
        this.actionName = actionName;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        AmiMessage request = msg instanceof AmiMessage m ? m : msg instanceof AmiDecodeFailure f ? f.partial() : null;
        if (request != null) {
            String action = request.action();
            pending.add(new Pending(
                    action == null || action.isEmpty() ? "none" : actionName.apply(action), System.nanoTime()));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof AmiMessage m) {
            String response = m.get("Response");
            if (response != null) {
                Pending p = pending.poll();
                if (p != null) {
                    observer.actionAnswered(
                            p.action(),
                            response.toLowerCase(Locale.ROOT),
                            Duration.ofNanos(System.nanoTime() - p.arrivedNanos()));
                }
                inList = "start".equalsIgnoreCase(m.get("EventList"));
            } else if (m.get("Event") != null) {
                if (inList) {
                    inList = !"Complete".equalsIgnoreCase(m.get("EventList"));
                } else {
                    observer.eventSent();
                }
            }
        }
        ctx.write(msg, promise);
    }
}
