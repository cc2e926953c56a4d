package io.ucmkit.simulator.ami;

import io.netty.channel.Channel;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.event.EventSubscriber;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One AMI connection: who it is (id, addresses, the logged-in user and its classes, the MD5
 * challenge) and which events it receives. Delivery needs authentication,
 * {@code (readperm & class) == class} and {@code (eventMask & class) == class}, the two tests of
 * Asterisk's {@code process_events} (main/manager.c). What it writes, in which order and within
 * which bounds, is its {@link SessionOutput}'s.
 */
public final class AmiSession implements EventSubscriber {

    private final Channel channel;
    private final String id;
    private final Instant connectedAt;
    private final SessionOutput output;
    private volatile AmiUserConfig user;
    private volatile Instant authenticatedAt;
    private volatile int readPerm;
    private volatile int writePerm;
    private volatile int eventMask;
    /** Bytes the client sent (counted before decoding), for the operator log and for tests of the input bounds. */
    private final AtomicLong bytesReceived = new AtomicLong();

    private String challenge;

    AmiSession(
            Channel channel,
            String id,
            Instant connectedAt,
            int outboundHighWaterMark,
            Consumer<AmiSession> onSlowReader) {
        this.channel = channel;
        this.id = id;
        this.connectedAt = connectedAt;
        this.output = new SessionOutput(channel, outboundHighWaterMark, () -> onSlowReader.accept(this));
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
        offer(event, privilege, SessionOutput.wireBytes(event));
    }

    /** Queues an event this session receives; {@code bytes} is its wire size, measured once for every session. */
    void offer(AmiMessage event, int privilege, int bytes) {
        if (receives(privilege)) {
            output.offer(event, bytes);
        }
    }

    // ---- what it writes: SessionOutput -------------------------------------------------------

    /** Writes a response or list item now (event loop only). */
    void write(AmiMessage message) {
        output.write(message);
    }

    /** Starts an action: queued events go out first, those raised from now on wait for its response. */
    void beginAction() {
        output.beginAction();
    }

    /** Ends the current action: flushes its response, then the events queued meanwhile. */
    void endAction() {
        output.endAction();
    }

    /** Writes a last message, then closes (Logoff, failed login, Shutdown); {@code reason} is for the operator log. */
    void closeAfter(AmiMessage last, String reason) {
        output.closeAfter(last, reason);
    }

    /** Closes from any thread after writing {@code last} (e.g. Shutdown on a user save). */
    public void shutdown(AmiMessage last, String reason) {
        channel.eventLoop().execute(() -> output.closeAfter(last, reason));
    }

    boolean closing() {
        return output.closing();
    }

    /** Why the session ended, or null while open and when the client closed the connection. */
    String closeReason() {
        return output.closeReason();
    }

    /** Records why the session ends when it is closed without {@link #closeAfter} (server stop, errors). */
    void closeReason(String reason) {
        output.closeReason(reason);
    }

    /** Encoded bytes in the channel's outbound buffer when the session was dropped as a slow reader, or -1. */
    long unsentWhenDropped() {
        return output.unsentWhenDropped();
    }

    /** Wire bytes of events queued (not yet written to the channel) when it was dropped, or -1. */
    long queuedWhenDropped() {
        return output.queuedWhenDropped();
    }

    void received(int bytes) {
        bytesReceived.addAndGet(bytes);
    }

    /** Bytes the client has sent so far. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    Channel channel() {
        return channel;
    }
}
