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

    private AmiHeaders() {}

    /** Whether a header carries a credential: {@code Secret} (plain login) or {@code Key} (MD5 login). */
    public static boolean isSecret(String name) {
        return SECRET.equalsIgnoreCase(name) || KEY.equalsIgnoreCase(name);
    }

    /** The value to show in a log: the mask for secrets, the value itself otherwise. */
    public static String masked(String name, String value) {
        return isSecret(name) ? MASK : value;
    }

    /*
     * What a header must not hold is what would break the framing on the wire, no more: a line ends
     * only at LF (CR LF or a bare LF), as Asterisk's get_input() reads it, so an LF or a NUL (the
     * end of a C string to Asterisk) is refused and a CR is not. A bare CR stays inside the line,
     * as Asterisk keeps it and echoes it (transcript 31); a CR right before an LF cannot occur in
     * a name or value without the LF, which is refused. A CR at the very end of a value is written
     * as CR CR LF and read back with its CR, by Asterisk and by AmiDecoder alike.
     */

    static void requireValidName(String name) {
        Objects.requireNonNull(name, "header name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header name '" + name + "' contains a forbidden character"
                        + " (':', LF or NUL): a name ends at the first colon on the wire");
            }
        }
    }

    static void requireValidValue(String name, String value) {
        Objects.requireNonNull(value, () -> "value of header " + name);
        if (!isOneLine(value)) {
            throw new IllegalArgumentException("value of header '" + name + "' contains LF or NUL:"
                    + " it would end the line on the wire; send one header per line instead");
        }
    }

    /** Whether {@code text} can be written as (part of) one line: no LF and no NUL; a bare CR is allowed. */
    static boolean isOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }
}
