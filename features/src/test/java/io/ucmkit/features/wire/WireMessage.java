package io.ucmkit.features.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * One message as the suite's own parser read it: lines in order, each split at its first ": ".
 * Asterisk 13 answers the Command action with {@code Response: Follows}, its own headers, then
 * the raw CLI text (bare LF line ends) up to {@code --END COMMAND--}: that text is the
 * {@code body}, null for every other message (AMI reference §1.6).
 */
public record WireMessage(List<String[]> lines, String body) {

    private static final List<String> FOLLOWS_HEADERS = List.of("Response", "Privilege", "ActionID");
    private static final String END_COMMAND = "--END COMMAND--";

    static WireMessage parse(String text) {
        if (text.startsWith("Response: Follows\r\n") && text.endsWith(END_COMMAND)) {
            return parseFollows(text);
        }
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            int colon = line.indexOf(": ");
            if (colon < 0 && line.endsWith(":")) {
                lines.add(new String[] {line.substring(0, line.length() - 1), ""});
            } else if (colon < 0) {
                throw new AssertionError("the PBX sent a line that is not 'Name: value': '" + line + "' in:\n" + text);
            } else {
                lines.add(new String[] {line.substring(0, colon), line.substring(colon + 2)});
            }
        }
        return new WireMessage(lines, null);
    }

    /** The headers Asterisk 13 writes before the CLI text, then the text itself. */
    private static WireMessage parseFollows(String text) {
        List<String[]> lines = new ArrayList<>();
        int at = 0;
        while (true) {
            int eol = text.indexOf("\r\n", at);
            int colon = eol < 0 ? -1 : text.indexOf(": ", at);
            if (colon < 0 || colon > eol || !FOLLOWS_HEADERS.contains(text.substring(at, colon))) {
                break;
            }
            lines.add(new String[] {text.substring(at, colon), text.substring(colon + 2, eol)});
            at = eol + 2;
        }
        return new WireMessage(lines, text.substring(at, text.length() - END_COMMAND.length()));
    }

    /** The first value of a name (case-insensitive), or null. */
    public String get(String name) {
        for (String[] line : lines) {
            if (line[0].equalsIgnoreCase(name)) {
                return line[1];
            }
        }
        return null;
    }

    public String first() {
        return lines.isEmpty() ? "" : lines.get(0)[0] + ": " + lines.get(0)[1];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            String value = line[0].equalsIgnoreCase("Secret") || line[0].equalsIgnoreCase("Key") ? "********" : line[1];
            text.append(line[0]).append(": ").append(value).append('\n');
        }
        return text.toString();
    }
}
