package io.ucmkit.simulator.call;

/**
 * A party's name and number as Asterisk keeps them; {@code null} means "not set", printed as
 * {@code <unknown>} in every channel snapshot (docs/ami.md §4.1).
 */
public record CallerId(String name, String number) {

    public static final CallerId UNKNOWN = new CallerId(null, null);

    public boolean isSet() {
        return name != null || number != null;
    }

    /**
     * Parses an Originate {@code CallerID} the way {@code ast_callerid_parse} +
     * {@code ast_shrink_phone_number} do (docs/ami.md §3.1, transcript 09: {@code Line1 text <Line2 text>}
     * becomes name {@code Line1 text}, number {@code Line2text}): quotes are stripped, {@code <…>}
     * is the number and the rest the name; without {@code <…>} a value that looks like a phone number
     * is the number only, anything else the name only.
     */
    public static CallerId parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        String text = value.trim();
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open) {
            String number = shrink(text.substring(open + 1, close).trim());
            String name = unquote(text.substring(0, open).trim());
            return new CallerId(name.isEmpty() ? null : name, number.isEmpty() ? null : number);
        }
        String unquoted = unquote(text);
        String shrunk = shrink(unquoted);
        if (!shrunk.isEmpty() && isPhoneNumber(shrunk)) {
            return new CallerId(null, shrunk);
        }
        return new CallerId(unquoted.isEmpty() ? null : unquoted, null);
    }

    /**
     * {@code ast_shrink_phone_number} (main/callerid.c): drops {@code (}, {@code )} and spaces
     * everywhere, {@code -} outside {@code [ ]} and every {@code .} but a last one. (docs/ami.md §3.1
     * lists only the first four; the {@code .} rule is from the Asterisk source.)
     */
    static String shrink(String number) {
        StringBuilder out = new StringBuilder(number.length());
        int bracket = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            switch (c) {
                case '[' -> bracket++;
                case ']' -> bracket--;
                case '-' -> {
                    if (bracket <= 0) {
                        continue;
                    }
                }
                case '.' -> {
                    if (i != number.length() - 1) {
                        continue;
                    }
                }
                case '(', ')', ' ' -> {
                    continue;
                }
                default -> {}
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code ast_isphonenumber}: digits, {@code +}, {@code *}, {@code #} only. */
    private static boolean isPhoneNumber(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.isDigit(c) || c == '+' || c == '*' || c == '#')) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String value) {
        String v = value;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replace("\"", "").trim();
    }

    /** {@code CALLERID(all)} as Status prints it (transcript 20): {@code "Line1 text" <Line2text>}. */
    public String all() {
        String n = name == null ? "" : "\"" + name + "\" ";
        return n + "<" + (number == null ? "" : number) + ">";
    }
}
