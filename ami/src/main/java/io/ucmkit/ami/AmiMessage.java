package io.ucmkit.ami;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One AMI message — an action, a response or an event — as an immutable list of headers in wire
 * order. Duplicate names are kept ({@code Output}, {@code Variable}, {@code ChanVariable}, the two
 * {@code Message} headers of a PresenceState reply: transcript 14). Lookup by name is
 * case-insensitive and the first match wins, as Asterisk's {@code astman_get_header} does.
 * Names of actions and events are open strings: unknown ones are kept, not dropped.
 *
 * <p>An Asterisk ≤13 {@code Command} reply ({@code Response: Follows}) also carries the raw CLI
 * output that came between its headers and {@code --END COMMAND--}: see {@link #followsBody()}.
 *
 * <p>{@link #toString()} masks the values of {@code Secret} and {@code Key}, so a message can be
 * logged as it is.
 *
 * <p>A message the {@link AmiDecoder} made is lazy: it holds one copy of its header lines as they came and an
 * index of where each name and value starts, a lookup compares the name asked for with the bytes, and a name's
 * or value's String is made the first time it is asked for, then kept. A reader pays only for the headers it
 * reads. A message made with the {@link Builder} holds its Strings. Both are immutable, equal when their
 * headers are, and safe to share between threads.
 *
 * <p>Over 300 lines for a reason: the byte matching reads the fields of a decoded message in place, so that a
 * decoded message stays one object with no helper allocated per message (the codec's hot path), and the public
 * {@link Builder} is nested because {@code AmiMessage.Builder} is the API every caller names.
 */
public final class AmiMessage implements AmiFrame {

    private static final String[] NO_STRINGS = new String[0];
    private static final AmiMessage EMPTY = new AmiMessage(NO_STRINGS, NO_STRINGS, 0, null);

    private final int size;
    private final String followsBody;
    /**
     * A decoded message's own copy of its well-formed header lines as they came (LF or CR LF line ends), never a
     * slice of a read buffer; null for a message made with the builder.
     */
    private final byte[] bytes;
    /** Where each header's name and value start in {@link #bytes}: see {@link HeaderIndex}. */
    private final char[] index;
    /** Every name in {@link #bytes} is ASCII, so names can be matched against the bytes directly. */
    private final boolean asciiNames;
    /*
     * The Strings, made on first access and kept (a built message has them all from the start). A decoded message
     * is shared between threads with no lock: two threads may both make a String, or an array, and one wins — the
     * same benign race as String.hashCode. A String is immutable (final fields), so whichever a thread sees is
     * complete, and a null slot only means "not made yet".
     */
    private String[] names;
    private String[] values;

    private AmiMessage(String[] names, String[] values, int size, String followsBody) {
        this.size = size;
        this.followsBody = followsBody;
        this.bytes = null;
        this.index = null;
        this.asciiNames = false;
        this.names = names;
        this.values = values;
    }

    private AmiMessage(byte[] bytes, char[] index, int size, boolean asciiNames, String followsBody) {
        this.size = size;
        this.followsBody = followsBody;
        this.bytes = bytes;
        this.index = index;
        this.asciiNames = asciiNames;
    }

    /**
     * A decoded message (the decoder's {@link HeaderBlock}): {@code bytes} holds the header lines, already checked
     * (a colon, no NUL, valid UTF-8), {@code index} where each name and value starts.
     */
    static AmiMessage decoded(byte[] bytes, char[] index, int size, boolean asciiNames, String followsBody) {
        return new AmiMessage(bytes, index, size, asciiNames, followsBody);
    }

    /** A message with no headers (what a bare blank line is to Asterisk: transcript 07). */
    public static AmiMessage empty() {
        return EMPTY;
    }

    /** A message from alternating names and values: {@code of("Action", "Ping", "ActionID", "1")}. */
    public static AmiMessage of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "names and values must alternate: got an odd count " + namesAndValues.length);
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts with this message's headers (and body). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.fields = new String[Math.max(2 * size, 16)];
        for (int i = 0; i < size; i++) {
            builder.fields[2 * i] = name(i);
            builder.fields[2 * i + 1] = value(i);
        }
        builder.size = size;
        builder.followsBody = followsBody;
        return builder;
    }

    /** Number of headers. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Name of the header at {@code index}, as it was on the wire. */
    public String name(int index) {
        Objects.checkIndex(index, size);
        String[] made = names;
        String name = made == null ? null : made[index];
        if (name == null) {
            int start = nameStart(index);
            name = new String(
                    bytes,
                    start,
                    colon(index) - start,
                    asciiNames ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            if (made == null) {
                names = made = new String[size];
            }
            made[index] = name;
        }
        return name;
    }

    /** Value of the header at {@code index}. */
    public String value(int index) {
        Objects.checkIndex(index, size);
        String[] made = values;
        String value = made == null ? null : made[index];
        if (value == null) {
            int start = valueStart(index);
            // the decoder checked it is strict UTF-8, which the JDK decodes exactly (ASCII at memcpy speed)
            value = new String(bytes, start, valueEnd(index) - start, StandardCharsets.UTF_8);
            if (made == null) {
                values = made = new String[size];
            }
            made[index] = value;
        }
        return value;
    }

    /** Value of the first header with this name (case-insensitive), or {@code null}. */
    public String get(String name) {
        int at = indexOf(name, 0);
        return at < 0 ? null : value(at);
    }

    /** Value of the first header with this name, or {@code fallback} when there is none. */
    public String get(String name, String fallback) {
        String value = get(name);
        return value != null ? value : fallback;
    }

    /** Value of the first header with this name whose value is not empty, or {@code null}. */
    public String getNonEmpty(String name) {
        for (int at = indexOf(name, 0); at >= 0; at = indexOf(name, at + 1)) {
            if (!isValueEmpty(at)) {
                return value(at);
            }
        }
        return null;
    }

    public boolean has(String name) {
        return indexOf(name, 0) >= 0;
    }

    /** Every value of headers with this name, in wire order. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(2);
        for (int at = indexOf(name, 0); at >= 0; at = indexOf(name, at + 1)) {
            values.add(value(at));
        }
        return values;
    }

    /** The headers as a read-only list, in wire order. */
    public List<AmiHeader> headers() {
        return new HeaderList();
    }

    /** The raw CLI output of an Asterisk ≤13 {@code Response: Follows} reply, or {@code null}. */
    public String followsBody() {
        return followsBody;
    }

    // ---- what kind of message: by the FIRST header, never by "has a Response key" (transcripts README #5)

    /** True when the first header is {@code Event}. An OriginateResponse event is an event. */
    public boolean isEvent() {
        return size > 0 && nameIs(0, AmiHeaders.EVENT);
    }

    /** True when the first header is {@code Response}. */
    public boolean isResponse() {
        return size > 0 && nameIs(0, AmiHeaders.RESPONSE);
    }

    /** The event name when this is an event, else {@code null}. */
    public String eventName() {
        return isEvent() ? value(0) : null;
    }

    /** The Response value ({@code Success}, {@code Error}, {@code Goodbye}, {@code Follows}) or {@code null}. */
    public String response() {
        return isResponse() ? value(0) : null;
    }

    /** The action name: the first non-empty {@code Action} header, as Asterisk looks it up. */
    public String action() {
        return getNonEmpty(AmiHeaders.ACTION);
    }

    public String actionId() {
        return get(AmiHeaders.ACTION_ID);
    }

    // ---- matching names against the bytes

    /** The first header at or after {@code from} with this name (case-insensitive), or -1. */
    private int indexOf(String name, int from) {
        for (int i = from; i < size; i++) {
            if (nameIs(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether header {@code i} is called {@code name}, as {@code String.equalsIgnoreCase} says. An ASCII name on
     * the wire is as many chars as bytes, so it is compared in place, with no String made: it is {@code name}
     * only if {@code name}'s length in bytes from its start reaches its colon (the bytes between the colon and
     * the value are blanks, never a colon, so that colon is the first one).
     */
    private boolean nameIs(int i, String name) {
        if (bytes == null || !asciiNames) {
            return name(i).equalsIgnoreCase(name);
        }
        int start = nameStart(i);
        int length = name.length();
        int colon = start + length;
        if (colon >= valueStart(i) || bytes[colon] != ':') {
            return false;
        }
        byte[] b = bytes;
        for (int j = 0; j < length; j++) {
            char wire = (char) b[start + j];
            char asked = name.charAt(j);
            if (wire != asked && !sameIgnoringCase(wire, asked)) {
                return false;
            }
        }
        return true;
    }

    /** {@code equalsIgnoreCase} for one ASCII char of the wire and any char: ASCII letters folded, else Java's rule. */
    private static boolean sameIgnoringCase(char wire, char asked) {
        if (asked < 0x80) {
            char lower = (char) (wire | 0x20);
            return lower == (asked | 0x20) && lower >= 'a' && lower <= 'z';
        }
        char upper = Character.toUpperCase(wire);
        char askedUpper = Character.toUpperCase(asked);
        return upper == askedUpper || Character.toLowerCase(upper) == Character.toLowerCase(askedUpper);
    }

    private boolean isValueEmpty(int i) {
        return bytes == null ? value(i).isEmpty() : valueStart(i) == valueEnd(i);
    }

    private int nameStart(int i) {
        return HeaderIndex.offset(index, bytes.length, 2 * i);
    }

    private int valueStart(int i) {
        return HeaderIndex.offset(index, bytes.length, 2 * i + 1);
    }

    /** The name ends at the colon before the value: only blanks the decoder skipped are between them. */
    private int colon(int i) {
        int colon = valueStart(i) - 1;
        while (bytes[colon] != ':') {
            colon--;
        }
        return colon;
    }

    /** The value ends at its line's LF, or at the CR before it: the next line's start is the entry after it. */
    private int valueEnd(int i) {
        int lf = HeaderIndex.offset(index, bytes.length, 2 * i + 2) - 1;
        return bytes[lf - 1] == '\r' ? lf - 1 : lf;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AmiMessage that)
                || size != that.size
                || !Objects.equals(followsBody, that.followsBody)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!name(i).equals(that.name(i)) || !value(i).equals(that.value(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(followsBody);
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + name(i).hashCode();
            hash = 31 * hash + value(i).hashCode();
        }
        return hash;
    }

    /** Headers as {@code Name: value} lines joined by " | ", secrets masked. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(32 * size + 2).append('{');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(" | ");
            }
            String name = name(i);
            text.append(name).append(": ").append(AmiHeaders.isSecret(name) ? AmiHeaders.MASK : value(i));
        }
        if (followsBody != null) {
            text.append(" | <").append(followsBody.length()).append(" chars of command output>");
        }
        return text.append('}').toString();
    }

    private final class HeaderList extends AbstractList<AmiHeader> implements RandomAccess {
        @Override
        public AmiHeader get(int index) {
            return new AmiHeader(name(index), value(index));
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Collects headers in order; validated so that no header can inject a line on the wire. */
    public static final class Builder {
        private String[] fields = new String[16];
        private int size;
        private String followsBody;

        private Builder() {}

        /**
         * Appends a header. Names must be non-empty without {@code :}, LF or NUL; values must not
         * contain LF or NUL (they would split the line on the wire). A bare CR is allowed in both:
         * a line ends only at LF, and Asterisk echoes such a CR verbatim (transcript 31).
         */
        public Builder add(String name, String value) {
            AmiHeaders.requireValidName(name);
            AmiHeaders.requireValidValue(name, value);
            int at = 2 * size;
            if (at == fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[at] = name;
            fields[at + 1] = value;
            size++;
            return this;
        }

        /** Appends the header unless {@code value} is null: for optional headers. */
        public Builder addIfPresent(String name, String value) {
            return value == null ? this : add(name, value);
        }

        /**
         * Appends {@code ActionID} when {@code actionId} is not null or empty: a server echoes a
         * request's ActionID only when the request carried a non-empty one.
         */
        public Builder addActionId(String actionId) {
            return actionId == null || actionId.isEmpty() ? this : add(AmiHeaders.ACTION_ID, actionId);
        }

        /** Replaces the value of the first header with this name, or appends it. */
        public Builder set(String name, String value) {
            AmiHeaders.requireValidValue(name, value);
            for (int i = 0; i < 2 * size; i += 2) {
                if (fields[i].equalsIgnoreCase(name)) {
                    fields[i + 1] = value;
                    return this;
                }
            }
            return add(name, value);
        }

        /** Removes every header with this name. */
        public Builder remove(String name) {
            int kept = 0;
            for (int i = 0; i < 2 * size; i += 2) {
                if (!fields[i].equalsIgnoreCase(name)) {
                    fields[kept++] = fields[i];
                    fields[kept++] = fields[i + 1];
                }
            }
            Arrays.fill(fields, kept, 2 * size, null);
            size = kept / 2;
            return this;
        }

        /** Sets the raw CLI output of an Asterisk ≤13 {@code Response: Follows} reply. */
        public Builder followsBody(String body) {
            this.followsBody = body;
            return this;
        }

        public int size() {
            return size;
        }

        public AmiMessage build() {
            if (size == 0 && followsBody == null) {
                return EMPTY;
            }
            String[] names = new String[size];
            String[] values = new String[size];
            for (int i = 0; i < size; i++) {
                names[i] = fields[2 * i];
                values[i] = fields[2 * i + 1];
            }
            return new AmiMessage(names, values, size, followsBody);
        }
    }
}
