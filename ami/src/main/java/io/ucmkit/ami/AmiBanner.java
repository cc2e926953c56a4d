package io.ucmkit.ami;

import java.util.Objects;

/**
 * The greeting line a server sends right after accept, e.g. {@code Asterisk Call Manager/9.0.0}.
 * It is a lone line with no blank line after it, so it is never a message.
 *
 * @param line the whole line without its CRLF
 */
public record AmiBanner(String line) implements AmiFrame {

    /** Prefixes of banners real clients accept (asterisk-java's list). */
    private static final String[] KNOWN_PRODUCTS = {
        "Asterisk Call Manager/", "Asterisk Call Manager Proxy/", "OpenPBX Call Manager/", "CallWeaver Call Manager/"
    };

    public AmiBanner {
        Objects.requireNonNull(line, "line");
        // A bare CR is part of the line, as in a header (see AmiHeaders): only LF and NUL would break it.
        if (!AmiHeaders.isOneLine(line)) {
            throw new IllegalArgumentException("a banner is one line: it must not contain LF or NUL");
        }
    }

    /** The banner an Asterisk with the given AMI version sends ({@code 9.0.0} for Asterisk 20). */
    public static AmiBanner asterisk(String amiVersion) {
        return new AmiBanner("Asterisk Call Manager/" + amiVersion);
    }

    /** Whether a line is a Call Manager banner. Any version is accepted: never whitelist them. */
    public static boolean isBanner(String line) {
        for (String product : KNOWN_PRODUCTS) {
            if (line.startsWith(product)) {
                return true;
            }
        }
        return false;
    }

    /** The text after the last {@code /}: the AMI version, e.g. {@code 9.0.0}. */
    public String version() {
        return line.substring(line.lastIndexOf('/') + 1);
    }
}
