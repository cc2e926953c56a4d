package io.ucmkit.ami.testing;

import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.ucmkit.ami.AmiDecoder;
import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reader thread of an {@link AmiTestClient}: reads the socket until it closes and decodes the
 * bytes with the real {@link AmiDecoder} (client profile) in an {@link EmbeddedChannel} of its own.
 *
 * <p>Each line is written to the decoder on its own. The decoder emits a frame only at the end of a
 * line, so the bytes written since the last frame are exactly the text of the next one: that is how
 * each {@link Received} gets its wire text without a second parser.
 */
final class WireReader implements Runnable {

    private static final byte LF = '\n';
    /** Small on purpose: a test may hold hundreds of idle clients and measure the heap they leave. */
    private static final int READ_BYTES = 1024;
    /** Heap, unpooled: the client's buffers stay out of the direct memory a test measures on its server. */
    private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false);

    private final InputStream in;
    private final Inbox inbox;
    private final ByteArrayOutputStream pendingWire = new ByteArrayOutputStream();
    private final Object gate = new Object();
    private boolean paused;
    private volatile long bytesRead;
    private EmbeddedChannel channel;

    WireReader(InputStream in, Inbox inbox) {
        this.in = in;
        this.inbox = inbox;
    }

    @Override
    public void run() {
        channel = new EmbeddedChannel(new AmiDecoder(AmiDecoderConfig.client()));
        channel.config().setAllocator(HEAP);
        byte[] buffer = new byte[READ_BYTES];
        try {
            for (int n; awaitResumed() && (n = in.read(buffer)) >= 0; ) {
                bytesRead += n;
                // a copy per read: the decoder may keep a partial line's buffer until the next read
                feed(Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            // closed by close() or reset by the peer: either ends the conversation
        } finally {
            channel.finish(); // a message cut off by the close becomes a TRUNCATED failure
            collect();
            inbox.close(pendingWire.toString(StandardCharsets.UTF_8));
        }
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Stops reading after the read in progress: the socket's buffers fill and the server sees a slow reader. */
    void pause() {
        synchronized (gate) {
            paused = true;
        }
    }

    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    private boolean awaitResumed() {
        synchronized (gate) {
            while (paused) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return true;
        }
    }

    private void feed(byte[] bytes) {
        int from = 0;
        while (from < bytes.length) {
            int lf = indexOf(bytes, from);
            int end = lf < 0 ? bytes.length : lf + 1;
            pendingWire.write(bytes, from, end - from);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, end - from));
            collect();
            from = end;
        }
    }

    /** Hands the frames decoded so far to the inbox; the first takes the text written since the last. */
    private void collect() {
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            String wire = pendingWire.toString(StandardCharsets.UTF_8);
            pendingWire.reset();
            inbox.add(new Received((AmiFrame) frame, wire));
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == LF) {
                return i;
            }
        }
        return -1;
    }
}
