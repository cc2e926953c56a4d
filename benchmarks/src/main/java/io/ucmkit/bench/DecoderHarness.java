package io.ucmkit.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ReferenceCountUtil;
import io.ucmkit.ami.AmiDecoder;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Drives an {@link AmiDecoder} (or the previous codec's decoder, the same kind of Netty decoder) the way a channel does, minus the event loop: each read goes to
 * {@code decoder.channelRead(ctx, buf)} — Netty's own cumulation, {@code decode} loop and
 * {@code fireChannelRead} per message — and a sink after it hands each frame to a Blackhole.
 *
 * <p>Why not {@code EmbeddedChannel.writeInbound}: it adds, on every read, a pipeline head,
 * {@code runPendingTasks}, {@code checkException} and an inbound queue that a real socket read
 * does not pay, and that cost would dominate the one-byte-per-read variant. The context here is
 * the decoder's real {@link ChannelHandlerContext} in an {@link EmbeddedChannel}, so nothing of
 * {@code ByteToMessageDecoder} is bypassed.
 *
 * <p>What the sink does with each frame is the {@code next} stage: nothing for the decoder alone, the
 * driver's translator for {@code EventTranslationBenchmark}; the Blackhole gets what that stage returns.
 */
final class DecoderHarness {

    private final EmbeddedChannel channel;
    private final ByteToMessageDecoder decoder;
    private final ChannelHandlerContext ctx;
    private final Sink sink;

    /** The decoder alone: each frame goes to the Blackhole as it is. */
    DecoderHarness() {
        this(UnaryOperator.identity());
    }

    /** The decoder followed by {@code next}, run on every frame in wire order. */
    DecoderHarness(UnaryOperator<Object> next) {
        this(new AmiDecoder(), next);
    }

    /** Another decoder (the previous codec's), alone: each frame goes to the Blackhole as it is. */
    static DecoderHarness of(ByteToMessageDecoder decoder) {
        return new DecoderHarness(decoder, UnaryOperator.identity());
    }

    private DecoderHarness(ByteToMessageDecoder decoder, UnaryOperator<Object> next) {
        sink = new Sink(next);
        this.decoder = decoder;
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
        private final UnaryOperator<Object> next;
        Blackhole blackhole;
        long frames;

        Sink(UnaryOperator<Object> next) {
            this.next = next;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            frames++;
            try {
                Object out = next.apply(msg);
                if (blackhole != null) {
                    blackhole.consume(out);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
