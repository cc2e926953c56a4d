package io.ucmkit.simulator.pbx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The contact one REGISTER of a phone leaves in res_pjsip's location store, with what
 * PJSIPShowContacts and ContactStatus print of it (transcript 47).
 *
 * @param aor            the extension (AOR and endpoint have its name)
 * @param uri            the phone's Contact URI, {@code sip:<ext>@<ip>:<port>} as a Grandstream phone sends it
 * @param callId         the Call-ID of the phone's REGISTER dialog, also the SessionID of its security events
 * @param viaAddr        address of the REGISTER's Via
 * @param viaPort        port of the REGISTER's Via
 * @param userAgent      the phone's User-Agent header
 * @param expirationTime when the registration lapses, epoch seconds
 * @param roundtripUsec  the round trip of the first qualify OPTIONS
 */
public record SipContact(
        String aor,
        String uri,
        String callId,
        String viaAddr,
        int viaPort,
        String userAgent,
        long expirationTime,
        long roundtripUsec) {

    /** Asterisk's default_expiration, which a phone asking 3600 s (a GXP's default) is granted. */
    public static final long EXPIRES_SECONDS = 3600;

    /** The AOR's qualify_frequency on the recorded PBX (and a UCM's default): OPTIONS every 60 s. */
    public static final int QUALIFY_FREQUENCY = 60;

    /** A phone registering from {@code ipPort} now. */
    public static SipContact register(String ext, String ipPort, String model, Instant now) {
        int colon = ipPort.lastIndexOf(':');
        String ip = ipPort.substring(0, colon);
        int port = Integer.parseInt(ipPort.substring(colon + 1));
        // A loopback or LAN phone answers OPTIONS within a few milliseconds (transcript 47: 0.7 to 2.9 ms).
        long rtt = ThreadLocalRandom.current().nextLong(500, 3000);
        return new SipContact(
                ext,
                "sip:" + ext + "@" + ipPort,
                newCallId(),
                ip,
                port,
                "Grandstream " + model,
                now.getEpochSecond() + EXPIRES_SECONDS,
                rtt);
    }

    /** A fresh SIP Call-ID: 16 hex digits, the shape of the recorded phones' (transcripts 44, 46, 47). */
    public static String newCallId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** The sorcery id: {@code <aor>;@<md5 of the URI>}, as res_pjsip names a dynamic contact. */
    public String objectName() {
        return aor + ";@" + md5(uri);
    }

    /** Where the phone sends from, {@code ip:port}. */
    public String address() {
        return viaAddr + ":" + viaPort;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
