package io.ucmkit.features.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's own reading of AMI bytes, written apart from the {@code ami} codec on purpose: if
 * both sides of a test used the same parser, a bug in it would be invisible (a symmetric bug).
 * Deliberately simple: a banner line, then messages of {@code Name: value} lines (CRLF) ended by
 * an empty line. Anything else is kept as an error, never skipped.
 */
public final class WireParser {

    private final StringBuilder pending = new StringBuilder();
    private boolean bannerSeen;
    private String banner;

    /** A parser for bytes that follow the banner (read apart): messages only. */
    public static WireParser afterBanner() {
        WireParser parser = new WireParser();
        parser.bannerSeen = true;
        return parser;
    }

    /** Feeds received bytes; returns the messages completed by them. */
    public List<WireMessage> feed(byte[] bytes, int length) {
        pending.append(new String(bytes, 0, length, StandardCharsets.UTF_8));
        List<WireMessage> complete = new ArrayList<>();
        if (!bannerSeen) {
            int eol = pending.indexOf("\r\n");
            if (eol < 0) {
                return complete;
            }
            banner = pending.substring(0, eol);
            pending.delete(0, eol + 2);
            bannerSeen = true;
        }
        for (int end; (end = pending.indexOf("\r\n\r\n")) >= 0; ) {
            complete.add(WireMessage.parse(pending.substring(0, end)));
            pending.delete(0, end + 4);
        }
        return complete;
    }

    /** The first line the server sent, or null before it arrived. */
    public String banner() {
        return banner;
    }

    /** Bytes received after the last complete message (a message still arriving). */
    public String pending() {
        return pending.toString();
    }
}
