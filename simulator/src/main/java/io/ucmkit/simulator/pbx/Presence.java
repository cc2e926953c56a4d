package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.admin.PresenceStatus;
import java.util.List;
import java.util.Locale;

/**
 * An Asterisk presence value (docs/ami.md §5.1): state (lower case on the wire), subtype and message.
 * {@code not_set} is what a never-written CustomPresence provider reports.
 */
public record Presence(String state, String subtype, String message) {

    /** Asterisk's wire strings; parsing is case-insensitive. */
    public static final List<String> STATES =
            List.of("not_set", "unavailable", "available", "away", "xa", "chat", "dnd");

    public static final Presence NOT_SET = new Presence("not_set", "", "");
    public static final Presence AVAILABLE = new Presence("available", "", "");

    public Presence {
        subtype = subtype == null ? "" : subtype;
        message = message == null ? "" : message;
    }

    /**
     * Parses {@code state[,subtype[,message[,options]]]} as Asterisk's func_presencestate
     * {@code parse_data} does (the CLI's {@code presencestate change}): each field ends at the next
     * comma, anything after the fourth is ignored, and options other than {@code e} are invalid.
     * Returns null for an invalid value (Asterisk then publishes nothing). The values are taken as
     * written, even with option {@code e}: the CLI does not decode them.
     */
    public static Presence parse(String value) {
        String[] f = fields(value);
        return f == null ? null : new Presence(f[0], f[1], f[2]);
    }

    /**
     * Parses a value written to {@code PRESENCE_STATE(CustomPresence:x)} (Setvar, the dialplan's
     * Set): as {@link #parse}, and with option {@code e} the subtype and message are base64, decoded
     * before they are published (so a message may hold commas), as func_presencestate's
     * {@code presence_write} does — into 255-byte buffers, skipping what is not base64.
     */
    public static Presence parseWritten(String value) {
        String[] f = fields(value);
        if (f == null) {
            return null;
        }
        if (f[3].indexOf('e') < 0) {
            return new Presence(f[0], f[1], f[2]);
        }
        return new Presence(f[0], base64(f[1]), base64(f[2]));
    }

    private static String[] fields(String value) {
        String[] parts = value.split(",", -1);
        String state = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!STATES.contains(state)) {
            return null;
        }
        String options = parts.length > 3 ? parts[3] : "";
        if (!options.isEmpty() && options.indexOf('e') < 0) {
            return null;
        }
        return new String[] {state, parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "", options};
    }

    private static String base64(String encoded) {
        byte[] bytes = java.util.Base64.getMimeDecoder().decode(encoded);
        int n = Math.min(bytes.length, 255);
        return new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The UCM status a phone or the GUI shows for this value (docs/ami.md §5.3): the six statuses, with
     * Custom encoded as {@code available} + subtype {@code custom} + the text (a design choice).
     */
    public String ucmStatus() {
        if (subtype.equals("custom")) {
            return "custom";
        }
        return switch (state) {
            case "away", "xa" -> "away";
            case "chat" -> "chat";
            case "dnd" -> "dnd";
            case "unavailable" -> "unavailable";
            default -> "available";
        };
    }

    /** Builds the value for a UCM status; {@code text} is used for custom only (≤ 64 chars). */
    public static Presence ofUcm(String status, String text) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "available" -> AVAILABLE;
            case "away" -> new Presence("away", "", "");
            case "chat" -> new Presence("chat", "", "");
            case "dnd" -> new Presence("dnd", "", "");
            case "unavailable" -> new Presence("unavailable", "", "");
            case "custom" -> {
                if (text == null
                        || text.isEmpty()
                        || text.length() > 64
                        || text.contains("\r")
                        || text.contains("\n")) {
                    throw new IllegalArgumentException("text: 1 to 64 characters required for status custom");
                }
                yield new Presence("available", "custom", text);
            }
            default ->
                throw new IllegalArgumentException(
                        "status: '" + status + "' is not one of " + String.join("|", PresenceStatus.wires()));
        };
    }
}
