package io.ucmkit.simulator.ami;

import java.util.List;
import java.util.Locale;

/** How Asterisk reads header values: {@code ast_true} and {@code sscanf("%30d")}. */
final class AmiValues {

    private static final List<String> TRUE = List.of("yes", "true", "y", "t", "1", "on");

    private AmiValues() {}

    /** {@code ast_true}: yes, true, y, t, 1 or on, in any case. */
    static boolean astTrue(String value) {
        return TRUE.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code sscanf("%30d")}: the leading integer, or null. */
    static Integer leadingInt(String text) {
        String t = text.trim();
        int end = 0;
        if (end < t.length() && (t.charAt(end) == '-' || t.charAt(end) == '+')) {
            end++;
        }
        int digitsStart = end;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == digitsStart || end - digitsStart > 9) {
            return null;
        }
        return Integer.parseInt(t.substring(0, end));
    }
}
