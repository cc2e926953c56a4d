package io.ucmkit.bench.previous;

import io.ucmkit.ami.AmiHeader;
import io.ucmkit.ami.AmiHeaders;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * <b>The previous codec, frozen:</b> {@code io.ucmkit.ami.AmiMessage} as it was before the lazy message
 * (commit 9fcb5c4), renamed and kept in the benchmarks module so that {@code ./ucmkit bench} measures the old and
 * the new codec in one JVM run. Not used outside the benchmarks; do not change it. Over 300 lines for that reason:
 * split or tidied, it would no longer be the message whose numbers it stands for.
 *
 * <p>One AMI message — an action, a response or an event — as an immutable list of headers in wire
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
 */
public final class PreviousAmiMessage {

    private static final String[] NO_HEADERS = new String[0];
    private static final PreviousAmiMessage EMPTY = new PreviousAmiMessage(NO_HEADERS, 0, null);

    /** names and values interleaved: [name0, value0, name1, value1, …] */
    private final String[] fields;

    private final int size;
    private final String followsBody;

    private PreviousAmiMessage(String[] fields, int size, String followsBody) {
        this.fields = fields;
        this.size = size;
        this.followsBody = followsBody;
    }

    /** A message with no headers (what a bare blank line is to Asterisk: transcript 07). */
    public static PreviousAmiMessage empty() {
        return EMPTY;
    }

    /** A message from alternating names and values: {@code of("Action", "Ping", "ActionID", "1")}. */
    public static PreviousAmiMessage of(String... namesAndValues) {
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
        builder.fields = Arrays.copyOf(fields, Math.max(fields.length, 16));
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
        return fields[2 * Objects.checkIndex(index, size)];
    }

    /** Value of the header at {@code index}. */
    public String value(int index) {
        return fields[2 * Objects.checkIndex(index, size) + 1];
    }

    /** Value of the first header with this name (case-insensitive), or {@code null}. */
    public String get(String name) {
        for (int i = 0; i < 2 * size; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Value of the first header with this name, or {@code fallback} when there is none. */
    public String get(String name, String fallback) {
        String value = get(name);
        return value != null ? value : fallback;
    }

    /** Value of the first header with this name whose value is not empty, or {@code null}. */
    public String getNonEmpty(String name) {
        for (int i = 0; i < 2 * size; i += 2) {
            if (fields[i].equalsIgnoreCase(name) && !fields[i + 1].isEmpty()) {
                return fields[i + 1];
            }
        }
        return null;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** Every value of headers with this name, in wire order. */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < 2 * size; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                values.add(fields[i + 1]);
            }
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
        return size > 0 && fields[0].equalsIgnoreCase(AmiHeaders.EVENT);
    }

    /** True when the first header is {@code Response}. */
    public boolean isResponse() {
        return size > 0 && fields[0].equalsIgnoreCase(AmiHeaders.RESPONSE);
    }

    /** The event name when this is an event, else {@code null}. */
    public String eventName() {
        return isEvent() ? fields[1] : null;
    }

    /** The Response value ({@code Success}, {@code Error}, {@code Goodbye}, {@code Follows}) or {@code null}. */
    public String response() {
        return isResponse() ? fields[1] : null;
    }

    /** The action name: the first non-empty {@code Action} header, as Asterisk looks it up. */
    public String action() {
        return getNonEmpty(AmiHeaders.ACTION);
    }

    public String actionId() {
        return get(AmiHeaders.ACTION_ID);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PreviousAmiMessage that)
                || size != that.size
                || !Objects.equals(followsBody, that.followsBody)) {
            return false;
        }
        return Arrays.equals(fields, 0, 2 * size, that.fields, 0, 2 * size);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(followsBody);
        for (int i = 0; i < 2 * size; i++) {
            hash = 31 * hash + fields[i].hashCode();
        }
        return hash;
    }

    /** Headers as {@code Name: value} lines joined by " | ", secrets masked. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(32 * size + 2).append('{');
        for (int i = 0; i < 2 * size; i += 2) {
            if (i > 0) {
                text.append(" | ");
            }
            text.append(fields[i]).append(": ").append(AmiHeaders.masked(fields[i], fields[i + 1]));
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
            new AmiHeader(name, value); // the same validation (AmiHeaders' rules are package-private in ami)
            return addTrusted(name, value);
        }

        /** Appends a header already known to be valid (the decoder's own output). */
        Builder addTrusted(String name, String value) {
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
            new AmiHeader(name, value);
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

        /** Empties the builder but keeps its array: the decoder reuses one builder for every message. */
        Builder clear() {
            Arrays.fill(fields, 0, 2 * size, null);
            size = 0;
            followsBody = null;
            return this;
        }

        public PreviousAmiMessage build() {
            if (size == 0 && followsBody == null) {
                return EMPTY;
            }
            return new PreviousAmiMessage(Arrays.copyOf(fields, 2 * size), size, followsBody);
        }
    }
}
