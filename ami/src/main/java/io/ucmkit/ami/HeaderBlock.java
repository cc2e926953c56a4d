package io.ucmkit.ami;

import java.util.Arrays;

/**
 * The message being decoded: its well-formed header lines, back to back, and their {@link HeaderIndex}, made
 * into an {@link AmiMessage} at its blank line. One per decoder, reused for every message.
 *
 * <p>Copied once: lines that lie one after the other in the array being scanned (a read's copy) are only
 * remembered as a run, and the message's own array is filled from the run at {@link #build}. A run is copied
 * into {@link #pending} only when it cannot stay where it is — the array is about to be overwritten by the next
 * read ({@link #flush}), or a discarded line breaks it — so a message that came in one read is copied out of it
 * once, and one that spans reads twice.
 */
final class HeaderBlock {

    /** A pending array grown past this is dropped after its message, so a rare huge message is not held on to. */
    private static final int KEPT_PENDING_BYTES = 64 * 1024;

    private byte[] pending = new byte[512];
    private int pendingLength;
    /** Two entries per header (name start, value start), relative to the message's first byte. */
    private int[] offsets = new int[64];
    /**
     * The same entries as chars, the index of a message under 64 KiB as it is ({@link HeaderIndex}): copied out
     * in one go at {@link #build} rather than narrowed one by one. Beyond 64 KiB the chars are wrong and unused.
     */
    private char[] narrowOffsets = new char[64];

    private int size;
    private boolean asciiNames = true;

    /** The run of lines not copied yet: {@code runArray[runStart, runEnd)}, null when there is none. */
    private byte[] runArray;

    private int runStart;
    private int runEnd;

    int size() {
        return size;
    }

    /**
     * Adds the header line {@code array[lineStart, lineEnd)}, which ends with its LF; its value starts at
     * {@code valueStart}. The line has been checked: a name, a colon, no NUL, valid UTF-8.
     */
    void add(byte[] array, int lineStart, int valueStart, int lineEnd, boolean nameIsAscii) {
        if (array != runArray || lineStart != runEnd) {
            flush();
            runArray = array;
            runStart = lineStart;
        }
        int at = pendingLength + lineStart - runStart;
        if (2 * size + 3 > offsets.length) { // its two entries and the end entry of build()
            offsets = Arrays.copyOf(offsets, 2 * offsets.length);
            narrowOffsets = Arrays.copyOf(narrowOffsets, offsets.length);
        }
        int value = at + valueStart - lineStart;
        offsets[2 * size] = at;
        offsets[2 * size + 1] = value;
        narrowOffsets[2 * size] = (char) at;
        narrowOffsets[2 * size + 1] = (char) value;
        size++;
        runEnd = lineEnd;
        asciiNames &= nameIsAscii;
    }

    /** Copies the run out of the array it is in, which the caller is about to reuse. */
    void flush() {
        if (runArray == null) {
            return;
        }
        int length = runEnd - runStart;
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + length, 2 * pending.length));
        }
        System.arraycopy(runArray, runStart, pending, pendingLength, length);
        pendingLength += length;
        runArray = null;
    }

    /** The message of the headers added so far (with the Follows body, or null); empties the block. */
    AmiMessage build(String followsBody) {
        if (size == 0 && followsBody == null) {
            clear();
            return AmiMessage.empty();
        }
        int runLength = runArray == null ? 0 : runEnd - runStart;
        int length = pendingLength + runLength;
        byte[] bytes = pendingLength == 0 ? new byte[length] : Arrays.copyOf(pending, length);
        if (runLength > 0) {
            System.arraycopy(runArray, runStart, bytes, pendingLength, runLength);
        }
        offsets[2 * size] = length;
        narrowOffsets[2 * size] = (char) length;
        char[] index = HeaderIndex.isNarrow(length)
                ? Arrays.copyOf(narrowOffsets, 2 * size + 1)
                : HeaderIndex.encode(offsets, 2 * size + 1, length);
        AmiMessage built = AmiMessage.decoded(bytes, index, size, asciiNames, followsBody);
        clear();
        return built;
    }

    /** Empties it for the next message. */
    void clear() {
        if (pending.length > KEPT_PENDING_BYTES) {
            pending = new byte[512];
        }
        pendingLength = 0;
        size = 0;
        asciiNames = true;
        runArray = null;
    }
}
