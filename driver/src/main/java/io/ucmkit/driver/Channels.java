package io.ucmkit.driver;

import io.ucmkit.ami.ChannelState;

/** Channel-name arithmetic (docs/ami.md §4.1 naming, §7.5): which extension a channel belongs to. */
final class Channels {

    private Channels() {}

    /**
     * The extension of a channel: {@code PJSIP/1000-0000000a} and {@code SIP/1000-0000000a} give {@code 1000};
     * {@code Local/1000@internal-00000000;2} gives {@code 1000} (the transcripts' phones are Local channels).
     * Null for null, {@code none} or a name without a technology.
     */
    static String extension(String channel) {
        if (channel == null) {
            return null;
        }
        int slash = channel.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String rest = channel.substring(slash + 1);
        int at = rest.indexOf('@');
        if (at >= 0) {
            return rest.substring(0, at);
        }
        int dash = rest.lastIndexOf('-');
        return dash > 0 ? rest.substring(0, dash) : rest;
    }

    /** The technology prefix: {@code PJSIP}, {@code SIP}, {@code Local}; null without a slash. */
    static String tech(String channel) {
        int slash = channel == null ? -1 : channel.indexOf('/');
        return slash < 0 ? null : channel.substring(0, slash);
    }

    /** One key per call leg: the two halves {@code ;1}/{@code ;2} of a Local channel are one leg. */
    static String legKey(String channel) {
        int semi = channel.lastIndexOf(';');
        return semi > 0 ? channel.substring(0, semi) : channel;
    }

    /** Whether {@code channel}, in {@code state}, is an Up channel of {@code tech/extension} (Barge's "in a call"). */
    static boolean isUpAt(String channel, ChannelState state, String tech, String extension) {
        return state == ChannelState.UP && tech.equalsIgnoreCase(tech(channel)) && extension.equals(extension(channel));
    }

    static boolean isNumeric(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
