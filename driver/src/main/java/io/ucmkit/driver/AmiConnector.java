package io.ucmkit.driver;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.ucmkit.ami.AmiDecoder;
import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiEncoder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens an {@link AmiConnection}: TCP (TLS when configured), the codec, then the banner. The future completes on
 * the connection's event loop, with the connection once its banner was read, or with NOT_CONNECTED in an
 * operator's words.
 */
final class AmiConnector {

    private AmiConnector() {}

    /**
     * Connects and waits for the {@code Asterisk Call Manager/} banner (any version, docs/ami.md §1.1), both within
     * {@code config.connectTimeout()}.
     */
    static CompletableFuture<AmiConnection> open(
            EventLoopGroup group,
            DriverConfig config,
            ActionIds ids,
            AmiConnection.Listener listener,
            DriverObserver observer) {
        CompletableFuture<AmiConnection> result = new CompletableFuture<>();
        AtomicReference<AmiConnection> ref = new AtomicReference<>();
        SslContext ssl;
        try {
            ssl = config.tls() ? AmiTls.clientContext(config) : null;
        } catch (DriverException e) {
            result.completeExceptionally(e);
            return result;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        config.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        AmiConnection connection = new AmiConnection(ch, ids, listener, config, observer);
                        ref.set(connection);
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), config.address(), config.port()));
                        }
                        ch.pipeline()
                                .addLast(
                                        new AmiDecoder(AmiDecoderConfig.client()),
                                        new AmiEncoder(),
                                        connection.handler());
                    }
                });
        String target = config.address() + ":" + config.port();
        ChannelFuture connect = bootstrap.connect(config.address(), config.port());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new DriverException(
                        DriverException.Kind.NOT_CONNECTED,
                        "cannot connect to " + target + ": " + AmiConnection.describe(f.cause())));
                return;
            }
            AmiConnection connection = ref.get();
            var timer = connect.channel()
                    .eventLoop()
                    .schedule(
                            () -> {
                                if (connection
                                        .banner()
                                        .completeExceptionally(new DriverException(
                                                DriverException.Kind.NOT_CONNECTED,
                                                "the PBX at " + target
                                                        + " accepted the connection but sent no AMI banner within "
                                                        + DurationWords.of(config.connectTimeout())
                                                        + " (is this the AMI port, and is AMI enabled on the PBX?)"))) {
                                    connection.close("no AMI banner");
                                }
                            },
                            config.connectTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
            connection.banner().whenComplete((b, e) -> {
                timer.cancel(false);
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(connection);
                }
            });
        });
        return result;
    }
}
