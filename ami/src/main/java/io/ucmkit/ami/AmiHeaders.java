package io.ucmkit.ami;

import java.util.Objects;

/**
 * Header names the toolkit itself relies on, and the rules for names and values. The set of
 * names on the wire is open: these constants only save typing and typos.
 */
public final class AmiHeaders {

    public static final String ACTION = "Action";
    public static final String ACTION_ID = "ActionID";
    public static final String EVENT = "Event";
    public static final String RESPONSE = "Response";
    public static final String MESSAGE = "Message";
    public static final String PRIVILEGE = "Privilege";
    public static final String EVENT_LIST = "EventList";
    public static final String OUTPUT = "Output";
    public static final String SECRET = "Secret";
    public static final String KEY = "Key";

    /** What a secret's value looks like in logs, journals and {@code toString()}. */
    public static final String MASK = "********";

    private AmiHeaders() {
    }

    /** Whether a header carries a credential: {@code Secret} (plain login) or {@code Key} (MD5 login). */
    public static boolean isSecret(String name) {
        return SECRET.equalsIgnoreCase(name) || KEY.equalsIgnoreCase(name);
    }

    /** The value to show in a log: the mask for secrets, the value itself otherwise. */
    public static String masked(String name, String value) {
        return isSecret(name) ? MASK : value;
    }

    static void requireValidName(String name) {
        Objects.requireNonNull(name, "header name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':' || c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header name '" + name + "' contains a forbidden character"
                        + " (':', CR, LF or NUL): a name ends at the first colon on the wire");
            }
        }
    }

    static void requireValidValue(String name, String value) {
        Objects.requireNonNull(value, () -> "value of header " + name);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("value of header '" + name + "' contains CR, LF or NUL:"
                        + " it would end the line on the wire; send one header per line instead");
            }
        }
    }
}
