package io.ucmkit.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.ucmkit.ami.AmiDecoder;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Drives an {@link AmiDecoder} the way a channel does, minus the event loop: each read goes to
 * {@code decoder.channelRead(ctx, buf)} — Netty's own cumulation, {@code decode} loop and
 * {@code fireChannelRead} per message — and a sink after it hands each frame to a Blackhole.
 *
 * <p>Why not {@code EmbeddedChannel.writeInbound}: it adds, on every read, a pipeline head,
 * {@code runPendingTasks}, {@code checkException} and an inbound queue that a real socket read
 * does not pay, and that cost would dominate the one-byte-per-read variant. The context here is
 * the decoder's real {@link ChannelHandlerContext} in an {@link EmbeddedChannel}, so nothing of
 * {@code ByteToMessageDecoder} is bypassed.
 */
final class DecoderHarness {

    private final EmbeddedChannel channel;
    private final AmiDecoder decoder;
    private final ChannelHandlerContext ctx;
    private final Sink sink = new Sink();

    DecoderHarness() {
        decoder = new AmiDecoder();
        channel = new EmbeddedChannel(decoder, sink);
        ctx = channel.pipeline().context(decoder);
    }

    /** Decodes one read (released by the decoder); returns the frames it produced. */
    int read(ByteBuf in, Blackhole blackhole) throws Exception {
        sink.blackhole = blackhole;
        long before = sink.frames;
        decoder.channelRead(ctx, in);
        return (int) (sink.frames - before);
    }

    long frames() {
        return sink.frames;
    }

    void close() {
        channel.finishAndReleaseAll();
    }

    private static final class Sink extends ChannelInboundHandlerAdapter {
        Blackhole blackhole;
        long frames;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            frames++;
            if (blackhole != null) {
                blackhole.consume(msg);
            }
            ReferenceCountUtil.release(msg);
        }
    }
}
