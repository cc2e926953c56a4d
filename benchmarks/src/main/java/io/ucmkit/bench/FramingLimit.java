package io.ucmkit.bench;

import io.netty.buffer.ByteBuf;

/**
 * The ceiling for any AMI parser: find every line end with {@code ByteBuf.indexOf} and count the
 * blank lines that end messages, across reads, allocating nothing. A parser does this plus
 * splitting headers and keeping their values, so it can approach this, never pass it.
 */
final class FramingLimit {

    private static final byte LF = '\n';
    private static final byte CR = '\r';

    /** Bytes of the current line seen in earlier reads (the line is split across reads). */
    private int carriedLineBytes;

    private byte lastByte;
    private long messages;

    /** Frames one read; returns the number of messages it completed. */
    int read(ByteBuf in) {
        long before = messages;
        int at = in.readerIndex();
        int end = in.writerIndex();
        while (at < end) {
            int lf = in.indexOf(at, end, LF);
            if (lf < 0) {
                carriedLineBytes += end - at;
                break;
            }
            int lineBytes = carriedLineBytes + lf - at;
            byte beforeLf = lf > at ? in.getByte(lf - 1) : lastByte;
            if (lineBytes == 0 || lineBytes == 1 && beforeLf == CR) {
                messages++;
            }
            carriedLineBytes = 0;
            at = lf + 1;
        }
        if (end > in.readerIndex()) {
            lastByte = in.getByte(end - 1);
        }
        in.readerIndex(end);
        return (int) (messages - before);
    }

    long messages() {
        return messages;
    }
}
