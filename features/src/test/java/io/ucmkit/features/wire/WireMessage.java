package io.ucmkit.features.wire;

import java.util.ArrayList;
import java.util.List;

/** One message as the suite's own parser read it: lines in order, each split at its first ": ". */
public record WireMessage(List<String[]> lines) {

    static WireMessage parse(String text) {
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
        return new WireMessage(lines);
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
