package io.ucmkit.ami;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link AmiMessage}s and {@link AmiBanner}s as AMI bytes: {@code Name: value} lines
 * ending in CRLF, a blank line after each message, and nothing else — Asterisk's output is always
 * CRLF (transcripts README #20). Stateless, so one instance may serve every channel.
 */
@ChannelHandler.Sharable
public final class AmiEncoder extends MessageToByteEncoder<AmiFrame> {

    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SPACE = (':' << 8) | ' ';
    private static final byte[] END_COMMAND =
            "--END COMMAND--\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public AmiEncoder() {
        super(AmiFrame.class);
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof AmiMessage || msg instanceof AmiBanner;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiFrame frame, ByteBuf out) {
        encode(frame, out);
    }

    /** Appends the wire form of a message or banner to {@code out}. */
    public static void encode(AmiFrame frame, ByteBuf out) {
        if (frame instanceof AmiMessage message) {
            writeMessage(message, out);
        } else if (frame instanceof AmiBanner banner) {
            ByteBufUtil.writeUtf8(out, banner.line());
            out.writeShort(CRLF);
        } else {
            throw new IllegalArgumentException("a decode failure cannot be sent: " + frame);
        }
    }

    private static void writeMessage(AmiMessage message, ByteBuf out) {
        for (int i = 0; i < message.size(); i++) {
            ByteBufUtil.writeUtf8(out, message.name(i));
            out.writeShort(COLON_SPACE);
            ByteBufUtil.writeUtf8(out, message.value(i));
            out.writeShort(CRLF);
        }
        String body = message.followsBody();
        if (body != null) {
            // Asterisk ≤13: raw CLI text (its own bare-LF line ends) and the end marker.
            ByteBufUtil.writeUtf8(out, body);
            out.writeBytes(END_COMMAND);
        } else {
            out.writeShort(CRLF);
        }
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, AmiFrame frame, boolean preferDirect) {
        int estimate = frame instanceof AmiMessage message ? 32 * message.size() + 2 : 64;
        return preferDirect ? ctx.alloc().ioBuffer(estimate) : ctx.alloc().heapBuffer(estimate);
    }
}
