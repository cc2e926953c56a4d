package io.ucmkit.simulator.ami;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.event.EventSubscriber;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One AMI connection. Events are queued when published (from any thread) and written on the
 * channel's event loop after the response of the action being processed, as Asterisk does
 * (transcript 22, pipelined actions). Delivery needs authentication, {@code (readperm & class) == class}
 * and {@code (eventMask & class) == class}, the two tests of Asterisk's {@code process_events}
 * (main/manager.c).
 *
 * <p>What a session holds for its client is bounded ({@link AmiServerSettings} states the figures):
 * encoded bytes in Netty's outbound buffer up to the high-water mark, and events not yet handed to
 * the channel up to {@link #PENDING_BYTES_PER_MARK} times that. A client that lets either pass is
 * dropped, as Asterisk drops a session whose write to the socket times out ({@code writetimeout},
 * 100 ms): no last message, the socket is closed, and the server counts and logs it.
 */
public final class AmiSession implements EventSubscriber {

    private final Channel channel;
    private final String id;
    private final Instant connectedAt;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private volatile AmiUserConfig user;
    private volatile Instant authenticatedAt;
    private volatile int readPerm;
    private volatile int writePerm;
    private volatile int eventMask;
    private volatile boolean closing;
    /** Coalesces flush tasks: one pending task drains every event queued meanwhile in one write burst. */
    private final java.util.concurrent.atomic.AtomicBoolean flushScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * Wire bytes of events queued for the event loop (not yet written to the channel), as a multiple
     * of the outbound high-water mark, beyond which the session counts as a slow reader. Events wait
     * here while an action is answered later (a synchronous Originate) or while the event loop lags
     * a burst; a large multiple, not the mark itself, because a publisher on another thread can run
     * ahead of a descheduled event loop by many thousands of events on a busy machine while the
     * client reads everything (a 4x bound dropped a reading client of a 40,000-event burst). The
     * events are shared by every session, so this is the most the session can keep alive, not what
     * it costs on its own (a queue entry of some 40 bytes per event).
     */
    static final int PENDING_BYTES_PER_MARK = 16;

    private final AtomicLong pendingBytes = new AtomicLong();
    private final long maxPendingBytes;
    /** Bytes the client sent (counted before decoding), for the operator log and for tests of the input bounds. */
    private final AtomicLong bytesReceived = new AtomicLong();
    /** Why the session ends, set by whoever closes it; null when the client closed (or reset) the connection. */
    private volatile String closeReason;

    private final Consumer<AmiSession> onSlowReader;
    /** What the session held for its client when it was dropped as a slow reader; -1 until then. */
    private volatile long unsentWhenDropped = -1;

    private volatile long queuedWhenDropped = -1;
    private String challenge;
    private boolean inAction;

    AmiSession(
            Channel channel,
            String id,
            Instant connectedAt,
            int outboundHighWaterMark,
            Consumer<AmiSession> onSlowReader) {
        this.channel = channel;
        this.id = id;
        this.connectedAt = connectedAt;
        this.maxPendingBytes = (long) PENDING_BYTES_PER_MARK * outboundHighWaterMark;
        this.onSlowReader = onSlowReader;
    }

    /** A pointer-like id as Asterisk prints {@code SessionID: %p} in security events. */
    public String id() {
        return id;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public boolean authenticated() {
        return user != null;
    }

    /** The logged-in user's name, or null before login. */
    public String username() {
        AmiUserConfig u = user;
        return u == null ? null : u.username();
    }

    public int readPerm() {
        return readPerm;
    }

    public int writePerm() {
        return writePerm;
    }

    public int eventMask() {
        return eventMask;
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** When the session logged in: what Asterisk's security events print as {@code SessionTV}; null before. */
    Instant authenticatedAt() {
        return authenticatedAt;
    }

    void authenticate(AmiUserConfig user, int readPerm, int writePerm, int eventMask, Instant at) {
        this.authenticatedAt = at;
        this.readPerm = readPerm;
        this.writePerm = writePerm;
        this.eventMask = eventMask;
        this.user = user;
    }

    void eventMask(int mask) {
        this.eventMask = mask;
    }

    String challenge() {
        return challenge;
    }

    void challenge(String challenge) {
        this.challenge = challenge;
    }

    /** True when an event of this class would be delivered: logged in, and both read class and event mask hold it. */
    boolean receives(int privilege) {
        return user != null && (readPerm & privilege) == privilege && (eventMask & privilege) == privilege;
    }

    @Override
    public void onEvent(AmiMessage event, int privilege) {
        offer(event, privilege, wireBytes(event));
    }

    /** Queues an event whose wire size the caller measured once for every session ({@link #wireBytes}). */
    void offer(AmiMessage event, int privilege, int bytes) {
        if (closing || !receives(privilege)) {
            return;
        }
        if (pendingBytes.addAndGet(bytes) > maxPendingBytes) {
            // The events cannot even be handed to the socket as fast as they come: treat as a slow reader.
            channel.eventLoop().execute(this::dropSlowReader);
            return;
        }
        pending.add(new Pending(event, bytes));
        if ((!channel.eventLoop().inEventLoop() || !inAction) && flushScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::flushEvents);
        }
    }

    /** Writes a response or list item now (event loop only). */
    void write(AmiMessage message) {
        if (closing) {
            return;
        }
        channel.write(message);
        guardOutbound();
    }

    /**
     * Starts an action: events queued before it arrived go out first, as Asterisk's session loop
     * runs {@code process_events} before it reads the next action; events raised from now on wait
     * for the response.
     */
    void beginAction() {
        flushEvents();
        inAction = true;
    }

    /** Ends the current action: flushes its response, then the events queued meanwhile. */
    void endAction() {
        inAction = false;
        flushEvents();
    }

    void flushEvents() {
        flushScheduled.set(false);
        if (inAction) {
            return;
        }
        Pending e;
        while (!closing && (e = pending.poll()) != null) {
            pendingBytes.addAndGet(-e.bytes());
            channel.write(e.event());
            guardOutbound();
        }
        channel.flush();
    }

    private void guardOutbound() {
        // Slow reader: Netty marks the channel unwritable past the high-water mark; drop the session
        // instead of queueing without bound.
        if (!channel.isWritable() && !closing) {
            channel.flush(); // hand the burst to the socket first; only what the peer does not take counts
            if (!channel.isWritable()) {
                dropSlowReader();
            }
        }
    }

    private void dropSlowReader() {
        if (!closing) {
            ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
            long unsent = out == null ? 0 : out.totalPendingWriteBytes();
            long queued = pendingBytes.get();
            unsentWhenDropped = unsent;
            queuedWhenDropped = queued;
            closeReason = "slow reader: " + unsent + " bytes unsent and " + queued + " bytes of events queued"
                    + " (the outbound limit is " + channel.config().getWriteBufferHighWaterMark() + " bytes)";
            closing = true;
            pending.clear();
            onSlowReader.accept(this);
            channel.close();
        }
    }

    /** Writes a last message, then closes (Logoff, failed login, Shutdown); {@code reason} is for the operator log. */
    void closeAfter(AmiMessage last, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        closeReason = reason;
        pending.clear();
        if (last == null) {
            channel.flush();
            channel.close();
        } else {
            channel.writeAndFlush(last).addListener(f -> channel.close());
        }
    }

    /** Closes from any thread after writing {@code last} (e.g. Shutdown on a user save). */
    public void shutdown(AmiMessage last, String reason) {
        channel.eventLoop().execute(() -> closeAfter(last, reason));
    }

    /** Why the session ended, or null while open and when the client closed the connection. */
    String closeReason() {
        return closeReason;
    }

    /** Records why the session ends when it is closed without {@link #closeAfter} (server stop, errors). */
    void closeReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    /** Encoded bytes in the channel's outbound buffer when the session was dropped as a slow reader, or -1. */
    long unsentWhenDropped() {
        return unsentWhenDropped;
    }

    /** Wire bytes of events queued (not yet written to the channel) when it was dropped, or -1. */
    long queuedWhenDropped() {
        return queuedWhenDropped;
    }

    void received(int bytes) {
        bytesReceived.addAndGet(bytes);
    }

    /** Bytes the client has sent so far. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** The bytes {@code event} takes on the wire: each header's name, ": ", value and CRLF, then the blank line. */
    static int wireBytes(AmiMessage event) {
        int bytes = 2;
        for (int i = 0; i < event.size(); i++) {
            bytes += ByteBufUtil.utf8Bytes(event.name(i)) + ByteBufUtil.utf8Bytes(event.value(i)) + 4;
        }
        return bytes;
    }

    private record Pending(AmiMessage event, int bytes) {}

    boolean closing() {
        return closing;
    }

    Channel channel() {
        return channel;
    }
}
