package io.ucmkit.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.ucmkit.ami.AmiEncoder;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.pbx.Pbx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The baseline of the end-to-end benchmarks, the loopback limit: the same bytes on the same kind of path with
 * nothing of ucmkit on it. A Netty NIO server channel (one event loop, like the simulator's AMI session) is
 * handed the encoded events of one presence change by the benchmark thread and writes them to a Netty NIO
 * client channel (one event loop, like the driver's), whose only handler finds the message ends with
 * {@link FramingLimit}; the change has arrived when its last message end is seen, on the client's event loop.
 *
 * <p>The bytes are captured from the simulator itself: the two events its PBX publishes for each of the two
 * alternating changes of {@link SimulatorDriverPath}, encoded by {@code AmiEncoder} as its AMI session does.
 * What the driver path adds on top of this is the simulator's event building and session queue, the decoder,
 * the translator, the driver's event queue and the hop to its dispatcher thread.
 */
@State(Scope.Thread)
public class LoopbackPath {

    private EventLoopGroup serverGroup;
    private EventLoopGroup clientGroup;
    private Channel listener;
    private Channel serverSide;
    private Channel client;
    private final ByteBuf[] changes = new ByteBuf[2];
    private int messagesPerChange;
    private final Arrivals arrivals = new Arrivals();
    private long publishedMessages;
    private long published;

    @Setup(Level.Trial)
    public void start() throws Exception {
        captureChanges();
        serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        listener = new ServerBootstrap()
                .group(serverGroup)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.complete(ch);
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
        FramingLimit framing = new FramingLimit();
        client = new Bootstrap()
                .group(clientGroup)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf in = (ByteBuf) msg;
                        try {
                            arrivals.add(framing.read(in));
                        } finally {
                            in.release();
                        }
                    }
                })
                .connect(listener.localAddress())
                .sync()
                .channel();
        serverSide = accepted.get(10, TimeUnit.SECONDS);
    }

    /** The encoded events of each of the two changes, as the simulator publishes them. */
    private void captureChanges() throws Exception {
        try (UcmSimulator simulator = UcmSimulator.builder()
                .amiPort(0)
                .bind("127.0.0.1")
                .authFailureDelay(Duration.ZERO)
                .start()) {
            for (int i = 0; i < changes.length; i++) {
                ByteBuf bytes = PooledByteBufAllocator.DEFAULT.directBuffer();
                int[] messages = {0};
                AutoCloseable subscription = simulator.pbx().events().subscribe((event, privilege) -> {
                    AmiEncoder.encode(event, bytes);
                    messages[0]++;
                });
                simulator
                        .pbx()
                        .setPresence(
                                SimulatorDriverPath.EXTENSION, SimulatorDriverPath.change(i), Pbx.PresenceSource.GUI);
                subscription.close();
                changes[i] = bytes;
                messagesPerChange = messages[0];
            }
        }
    }

    /**
     * Hands {@code count} changes' events to the server's event loop in one task that writes them all and
     * flushes once, as the simulator's AMI session drains what was queued meanwhile in one write burst.
     */
    void publish(int count) {
        long first = published;
        published += count;
        publishedMessages += (long) count * messagesPerChange;
        serverSide.eventLoop().execute(() -> {
            for (long n = first; n < first + count; n++) {
                serverSide.write(changes[(int) (n & 1)].retainedDuplicate());
            }
            serverSide.flush();
        });
    }

    /** Waits until the client has seen the end of every message written so far. */
    void awaitDelivered() {
        arrivals.awaitAtLeast(publishedMessages, "loopback limit");
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        for (Channel channel : new Channel[] {client, serverSide, listener}) {
            if (channel != null) {
                channel.close().sync();
            }
        }
        for (ByteBuf change : changes) {
            if (change != null) {
                change.release();
            }
        }
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
}
