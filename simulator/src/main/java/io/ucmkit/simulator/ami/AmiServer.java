package io.ucmkit.simulator.ami;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.ucmkit.ami.AmiDecoder;
import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiEncoder;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.time.SimScheduler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AMI TCP server on Netty: one {@link AmiSession} per connection, decoding client bytes as
 * Asterisk's {@code get_input} does ({@link AmiDecoderConfig#server()}), dispatching actions
 * through an {@link ActionRegistry}. Users can be replaced at run time ({@link #saveUser}),
 * which — like saving an AMI user on a UCM — restarts the manager: every session gets
 * {@code Event: Shutdown} and is closed.
 */
public final class AmiServer implements AutoCloseable {

    private static final AtomicLong SESSION_IDS = new AtomicLong(0x7fbe40001000L);

    /**
     * Client input is read as Asterisk's get_input reads it: 1024-byte lines, 128 headers. The
     * codec's server profile also gives up on a message after 129 KiB; Asterisk has no such limit
     * (it drops each over-long line 1023 bytes at a time and answers {@code Failed to parse message:
     * line too long} at the blank line, however long the line ran: transcript 21), so the simulator
     * lifts it. Memory stays bounded without it: the decoder keeps at most 128 headers of at most
     * 1024 bytes, and throws away over-long lines, colon-less lines and lines with NUL or invalid
     * UTF-8 as they come.
     */
    static final AmiDecoderConfig CLIENT_INPUT = AmiDecoderConfig.server().withMaxMessageBytes(Integer.MAX_VALUE);

    private final Pbx pbx;
    private final ActionRegistry registry;
    private final AmiServerSettings settings;
    private final Clock clock;
    private final SimScheduler scheduler;
    private final AmiObserver observer;
    private final Journal journal = new Journal();
    private final Map<String, AmiUserConfig> users = new ConcurrentHashMap<>();
    private final Map<Channel, AmiSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final AtomicLong slowReadersDropped = new AtomicLong();
    private final Instant startedAt;
    private final AutoCloseable subscription;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;

    public AmiServer(
            Pbx pbx, ActionRegistry registry, AmiServerSettings settings, Clock clock, SimScheduler scheduler) {
        this(pbx, registry, settings, clock, scheduler, AmiObserver.NONE);
    }

    public AmiServer(
            Pbx pbx,
            ActionRegistry registry,
            AmiServerSettings settings,
            Clock clock,
            SimScheduler scheduler,
            AmiObserver observer) {
        this.observer = observer;
        this.pbx = pbx;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.startedAt = clock.instant();
        this.subscription = pbx.events().subscribe((event, privilege) -> {
            int bytes = AmiSession.wireBytes(event); // once, not once per session
            for (AmiSession s : sessions.values()) {
                s.offer(event, privilege, bytes);
            }
        });
        restoreConfiguredUsers();
    }

    /** Binds and returns once listening; throws with the address when the port is taken. */
    public AmiServer start(String host, int port) {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(
                        ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(
                                settings.outboundHighWaterMark() / 2, settings.outboundHighWaterMark()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        AmiServerHandler handler = new AmiServerHandler(AmiServer.this);
                        ch.pipeline()
                                .addLast(
                                        handler.inboundBytes(),
                                        new AmiDecoder(CLIENT_INPUT),
                                        new AmiEncoder(),
                                        new AmiTrafficMeter(
                                                observer,
                                                a -> registry.find(a)
                                                        .map(RegisteredAction::name)
                                                        .orElse("unknown")),
                                        handler);
                    }
                });
        try {
            serverChannel = b.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the BindException unchecked-style: catch it by its real type too
            close();
            throw new IllegalStateException(
                    "AMI server cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public Pbx pbx() {
        return pbx;
    }

    public ActionRegistry registry() {
        return registry;
    }

    public AmiServerSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public SimScheduler scheduler() {
        return scheduler;
    }

    public Journal journal() {
        return journal;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<AmiSession> sessions() {
        return new ArrayList<>(sessions.values());
    }

    public Optional<AmiUserConfig> user(String name) {
        return Optional.ofNullable(name == null ? null : users.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<AmiUserConfig> users() {
        return new ArrayList<>(users.values());
    }

    /**
     * Adds or replaces a user, then restarts the manager: every session is closed, those that
     * receive system events after {@code Event: Shutdown} (Asterisk publishes it with
     * EVENT_FLAG_SYSTEM, so a {@code read=call} user or {@code Events: off} sees only the close).
     */
    public void saveUser(AmiUserConfig user) {
        users.put(user.username().toLowerCase(java.util.Locale.ROOT), user);
        AmiMessage shutdown = EventBus.event("Shutdown", Privileges.SYSTEM)
                .add("Shutdown", "Cleanly")
                .add("Restart", "True")
                .build();
        for (AmiSession s : sessions.values()) {
            s.shutdown(
                    s.receives(Privileges.SYSTEM) ? shutdown : null,
                    "manager restarted: AMI user '" + user.username() + "' saved");
        }
    }

    /**
     * Back to the users of the configuration, dropping those saved since (used by reset, so a user
     * one test saved does not leak into the next). Open sessions keep their login until closed.
     */
    public void restoreConfiguredUsers() {
        Map<String, AmiUserConfig> configured = new java.util.HashMap<>();
        for (AmiUserConfig u : pbx.config().amiUsers()) {
            configured.put(u.username().toLowerCase(java.util.Locale.ROOT), u);
        }
        users.keySet().retainAll(configured.keySet());
        users.putAll(configured);
    }

    /** Closes every AMI connection (used by reset). */
    public void closeSessions() {
        for (AmiSession s : sessions.values()) {
            s.shutdown(null, "closed by the simulator (reset)");
        }
    }

    AmiSession register(Channel ch) {
        AmiSession s = new AmiSession(
                ch,
                "0x" + Long.toHexString(SESSION_IDS.getAndAdd(0x10)),
                clock.instant(),
                settings.outboundHighWaterMark(),
                dropped -> slowReadersDropped.incrementAndGet());
        sessions.put(ch, s);
        return s;
    }

    void unregister(Channel ch) {
        sessions.remove(ch);
    }

    AtomicInteger unauthenticated() {
        return unauthenticated;
    }

    /** Sessions dropped because their client did not read what it was sent (see {@link AmiSession}). */
    public long slowReadersDropped() {
        return slowReadersDropped.get();
    }

    /** Runs a timer task on the session's event loop (the scheduler may call from any thread). */
    SimScheduler.Cancellable schedule(AmiSession s, Duration delay, Runnable task) {
        if (delay.isZero()) {
            s.channel().eventLoop().execute(task);
            return () -> {};
        }
        return scheduler.schedule(delay, () -> s.channel().eventLoop().execute(task));
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        for (AmiSession s : sessions.values()) {
            s.closeReason("the simulator stopped");
            s.channel().close();
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
