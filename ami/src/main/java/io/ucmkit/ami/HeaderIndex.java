package io.ucmkit.ami;

/**
 * The compact index of a decoded message's headers: for header {@code i}, entry {@code 2i} is where its name
 * starts in the message's bytes, entry {@code 2i + 1} where its value starts, and entry {@code 2i + 2} where the
 * next line starts (so the last entry is the length of the bytes). The decoder keeps only well-formed header
 * lines, back to back, so where a line ends is where the next one starts, and the colon is found from the
 * value's start.
 *
 * <p>Entries are {@code char}s — two bytes each, not four — for a message shorter than 64 KiB, which is every
 * message but the largest list replies; a longer message spends two chars per entry. On the corpus a message is
 * ~15 headers of ~23 bytes, so this index costs ~80 bytes next to its ~350 bytes of text.
 */
final class HeaderIndex {

    /** Longest message whose offsets fit in one char. */
    private static final int NARROW_LIMIT = Character.MAX_VALUE;

    private HeaderIndex() {}

    /** Whether the index of a message of {@code length} bytes has one char per entry. */
    static boolean isNarrow(int length) {
        return length <= NARROW_LIMIT;
    }

    /** The index of {@code count} offsets into a message of {@code length} bytes. */
    static char[] encode(int[] offsets, int count, int length) {
        if (length <= NARROW_LIMIT) {
            char[] index = new char[count];
            for (int i = 0; i < count; i++) {
                index[i] = (char) offsets[i];
            }
            return index;
        }
        char[] index = new char[2 * count];
        for (int i = 0; i < count; i++) {
            index[2 * i] = (char) (offsets[i] >>> 16);
            index[2 * i + 1] = (char) offsets[i];
        }
        return index;
    }

    /** Entry {@code k} of the index of a message of {@code length} bytes. */
    static int offset(char[] index, int length, int k) {
        if (length <= NARROW_LIMIT) {
            return index[k];
        }
        return index[2 * k] << 16 | index[2 * k + 1];
    }
}
