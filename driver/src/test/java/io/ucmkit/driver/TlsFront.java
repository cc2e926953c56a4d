package io.ucmkit.driver;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A TLS front for a plain AMI peer, as stunnel would be: Netty's {@link io.netty.handler.ssl.SslHandler} with the
 * test certificate on a loopback port (0), each connection relayed byte for byte to the peer's plain port. So
 * {@link ScriptedAmiPeer} stays one plain-socket script and TLS is tested on a real handshake.
 *
 * <p>The certificate is self-signed, like a UCM's, for CN and SAN 127.0.0.1 and localhost, valid 100 years:
 * {@code openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout ucm-test-key.pem
 * -out ucm-test-cert.pem -days 36500 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost"}.
 * Test-only: its private key is public.
 */
final class TlsFront implements AutoCloseable {

    private static final String CERT = "/tls/ucm-test-cert.pem";
    private static final String KEY = "/tls/ucm-test-key.pem";
    /** The certificate as a file, for {@code tlsTrustCertificate}. */
    static final Path CERTIFICATE = resource(CERT);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    TlsFront(int plainPort) throws SSLException {
        SslContext ssl;
        try (InputStream cert = TlsFront.class.getResourceAsStream(CERT);
                InputStream key = TlsFront.class.getResourceAsStream(KEY)) {
            ssl = SslContextBuilder.forServer(cert, key).build();
        } catch (java.io.IOException e) {
            throw new SSLException(e);
        }
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false) // read from the client once the peer is connected
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new ClientSide(plainPort));
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0)
                .syncUninterruptibly()
                .channel();
    }

    int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    private static Path resource(String name) {
        try {
            return Path.of(TlsFront.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decrypted client connection: connects to the peer, then relays client bytes to it. */
    private static final class ClientSide extends ChannelInboundHandlerAdapter {
        private final int plainPort;
        private Channel peer;

        ClientSide(int plainPort) {
            this.plainPort = plainPort;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            // The peer speaks first (its banner). Its bytes are read only once the client's handshake has
            // succeeded: written earlier they would wait in the SslHandler's queue, which a handshake the
            // client fails (the certificate tests) can leave unreleased. Until then they stay in the socket.
            var connect = new Bootstrap()
                    .group(client.eventLoop())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .handler(new Relay(client))
                    .connect(InetAddress.getLoopbackAddress(), plainPort);
            peer = connect.channel();
            connect.addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    client.read();
                } else {
                    client.close();
                }
            });
            client.pipeline()
                    .get(io.netty.handler.ssl.SslHandler.class)
                    .handshakeFuture()
                    .addListener(h -> {
                        if (h.isSuccess()) {
                            peer.config().setAutoRead(true);
                        } else {
                            peer.close();
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            peer.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    ctx.channel().read();
                } else {
                    f.channel().close();
                }
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (peer != null) {
                closeOnFlush(peer);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // e.g. the client refused our certificate: that is what some tests want
        }
    }

    /** The peer's side: everything it writes goes to the client, encrypted by the client's SslHandler. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel client;

        Relay(Channel client) {
            this.client = client;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            client.writeAndFlush(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeOnFlush(client);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static void closeOnFlush(Channel ch) {
        if (ch.isActive()) {
            ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
