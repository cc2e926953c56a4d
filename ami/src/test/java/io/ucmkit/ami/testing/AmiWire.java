package io.ucmkit.ami.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.AmiDecoder;
import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiEncoder;
import io.ucmkit.ami.AmiFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Feeds bytes through a real Netty pipeline ({@link EmbeddedChannel}) and collects what comes out. */
public final class AmiWire {

    private AmiWire() {}

    /**
     * Decodes {@code bytes} written in fragments of {@code fragmentSize}, then closes the channel.
     * The fragments come from the leak-tracked allocator, so a decoder that forgets one fails the run.
     */
    public static List<AmiFrame> decode(AmiDecoderConfig config, byte[] bytes, int fragmentSize) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiDecoder(config));
        for (int at = 0; at < bytes.length; at += fragmentSize) {
            int length = Math.min(fragmentSize, bytes.length - at);
            channel.writeInbound(Unpooled.copiedBuffer(bytes, at, length));
        }
        channel.finish();
        return drain(channel);
    }

    /**
     * Like {@link #decode(AmiDecoderConfig, byte[], int)} but without leak tracking: for the
     * exhaustive fragmentation tests only. Paranoid tracking records a stack trace on every buffer
     * access, which makes hundreds of thousands of splits take minutes; the same code paths run
     * tracked in {@link #decode(AmiDecoderConfig, byte[], int)}.
     */
    public static List<AmiFrame> decodeWrapped(AmiDecoderConfig config, byte[] bytes, int fragmentSize) {
        EmbeddedChannel channel = untrackedChannel(config);
        for (int at = 0; at < bytes.length; at += fragmentSize) {
            int length = Math.min(fragmentSize, bytes.length - at);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, length));
        }
        channel.finish();
        return drain(channel);
    }

    /** Decodes bytes written in the given pieces, then closes the channel. */
    public static List<AmiFrame> decodePieces(AmiDecoderConfig config, List<byte[]> pieces) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiDecoder(config));
        for (byte[] piece : pieces) {
            channel.writeInbound(Unpooled.copiedBuffer(piece));
        }
        channel.finish();
        return drain(channel);
    }

    /**
     * Decodes {@code bytes} whole, in fragments of every size from 1 to its length and split in
     * two at every byte, and returns the frames after checking that every way gave the same ones:
     * a decoder's result must not depend on where the reads happened to end.
     */
    public static List<AmiFrame> decodeAtEverySplit(AmiDecoderConfig config, byte[] bytes) {
        List<AmiFrame> whole = decode(config, bytes);
        for (int size = 1; size < bytes.length; size++) {
            sameAsWhole(whole, decode(config, bytes, size), "fragments of " + size + " bytes");
        }
        for (int split = 1; split < bytes.length; split++) {
            List<byte[]> halves =
                    List.of(Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length));
            sameAsWhole(whole, decodePieces(config, halves), "split in two at byte " + split);
        }
        return whole;
    }

    private static void sameAsWhole(List<AmiFrame> whole, List<AmiFrame> frames, String how) {
        if (!frames.equals(whole)) {
            throw new AssertionError(how + " decoded to\n  " + frames + "\nbut the whole input to\n  " + whole);
        }
    }

    public static List<AmiFrame> decode(AmiDecoderConfig config, byte[] bytes) {
        return decode(config, bytes, Math.max(1, bytes.length));
    }

    public static List<AmiFrame> decodeClient(String text) {
        return decode(AmiDecoderConfig.client(), bytes(text));
    }

    public static List<AmiFrame> decodeServer(String text) {
        return decode(AmiDecoderConfig.server(), bytes(text));
    }

    /** The wire bytes of the frames, written through a real {@link AmiEncoder}. */
    public static byte[] encode(List<? extends AmiFrame> frames) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiEncoder());
        for (AmiFrame frame : frames) {
            channel.writeOutbound(frame);
        }
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            all.writeBytes(part);
            part.release();
        }
        channel.finish();
        byte[] bytes = ByteBufUtil.getBytes(all);
        all.release();
        return bytes;
    }

    /** A channel whose decoder allocates its cumulation buffers without leak tracking (see above). */
    public static EmbeddedChannel untrackedChannel(AmiDecoderConfig config) {
        EmbeddedChannel channel = new EmbeddedChannel(new AmiDecoder(config));
        channel.config().setAllocator(UNTRACKED);
        return channel;
    }

    private static final UnpooledByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(false, true);

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<AmiFrame> drain(EmbeddedChannel channel) {
        List<AmiFrame> frames = new ArrayList<>();
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            frames.add((AmiFrame) frame);
        }
        return frames;
    }
}
