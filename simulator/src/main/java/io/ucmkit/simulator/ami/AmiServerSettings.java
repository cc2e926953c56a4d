package io.ucmkit.simulator.ami;

import java.time.Duration;

/**
 * Tunables of the AMI server, with Asterisk's defaults (manager.conf {@code authtimeout},
 * {@code authlimit}; Asterisk sleeps 1 s before a failed login's answer).
 *
 * <p>Memory bounds, with the defaults (HostileInputIT and HostileCrowdIT measure them on loopback):
 * <ul>
 *   <li>a socket waiting to log in: about 15 KiB of heap (channel, pipeline, decoder, timer; measured
 *       13–17 KiB with the test's own client socket, held under 32 KiB), and at most
 *       {@code maxUnauthenticated} of them; the rest are closed before the banner;</li>
 *   <li>an idle logged-in session: about 20 KiB (held under 32 KiB);</li>
 *   <li>input, per session: the decoder's copy window (the largest read, at most 64 KiB), a partial
 *       line (under 1 KiB), the message being collected (at most 128 headers of 1 KiB) and, while an
 *       answer is deferred, the requests decoded from the last read (at most 64 KiB of input). An
 *       over-long line is thrown away as it comes: a 20 MiB line without LF cost 0.1–0.25 MiB of
 *       heap (held under 1 MiB), and Netty's shared allocator kept one chunk (7 MiB) for all reads;</li>
 *   <li>output, per session: at most {@code outboundHighWaterMark} of encoded bytes plus one message
 *       in Netty's outbound buffer (never-reading clients were dropped with 0.8–1.0 MiB unsent; at least
 *       half the mark, as Netty stays unwritable until the buffer falls under the low mark),
 *       and events not yet handed to the channel worth at most
 *       {@link SessionOutput#PENDING_BYTES_PER_MARK} times the mark. Past either the session is dropped,
 *       as Asterisk drops one whose write times out; the kernel's socket buffers (some MiB on
 *       loopback) come on top and are not the simulator's heap.</li>
 * </ul>
 *
 * @param asteriskVersion 20 (banner 9.0.0, {@code Output:} command style) or 13 (2.10.6, {@code Response: Follows})
 * @param authFailureDelay delay before {@code Authentication failed}; Asterisk sleeps 1 s
 * @param authTimeout an unauthenticated session is closed silently after this (30 s)
 * @param maxUnauthenticated connections beyond this many unauthenticated ones are closed at once (50)
 * @param outboundHighWaterMark bytes queued for a client before it counts as a slow reader and is dropped (1 MiB)
 * @param permitAny accept logins from any address, whatever the users' permit lists say (a simulator in a
 *                  container, reached from other hosts); off by default, as on a UCM
 */
public record AmiServerSettings(
        int asteriskVersion,
        Duration authFailureDelay,
        Duration authTimeout,
        int maxUnauthenticated,
        int outboundHighWaterMark,
        boolean permitAny) {

    public static AmiServerSettings defaults() {
        return new AmiServerSettings(20, Duration.ofSeconds(1), Duration.ofSeconds(30), 50, 1 << 20, false);
    }

    public AmiServerSettings withPermitAny(boolean any) {
        return new AmiServerSettings(
                asteriskVersion, authFailureDelay, authTimeout, maxUnauthenticated, outboundHighWaterMark, any);
    }

    public AmiServerSettings withAsteriskVersion(int v) {
        return new AmiServerSettings(
                v, authFailureDelay, authTimeout, maxUnauthenticated, outboundHighWaterMark, permitAny);
    }

    public AmiServerSettings withAuthFailureDelay(Duration d) {
        return new AmiServerSettings(
                asteriskVersion, d, authTimeout, maxUnauthenticated, outboundHighWaterMark, permitAny);
    }

    public AmiServerSettings withAuthTimeout(Duration d) {
        return new AmiServerSettings(
                asteriskVersion, authFailureDelay, d, maxUnauthenticated, outboundHighWaterMark, permitAny);
    }

    public AmiServerSettings withOutboundHighWaterMark(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException(
                    "outboundHighWaterMark: " + bytes + " bytes is less than the 1024 a message may take");
        }
        return new AmiServerSettings(
                asteriskVersion, authFailureDelay, authTimeout, maxUnauthenticated, bytes, permitAny);
    }

    /** Banner version: AMI 9.0.0 for Asterisk 20, 2.10.6 for 13 (docs/ami.md §1.1). */
    public String amiVersion() {
        return asteriskVersion == 13 ? "2.10.6" : "9.0.0";
    }

    /** The full Asterisk version CoreSettings and {@code core show version} report. */
    public String asteriskRelease() {
        return asteriskVersion == 13 ? "13.38.3" : "20.20.1";
    }
}
