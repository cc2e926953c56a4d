package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.JournalEntry;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One hostile client at a time — NUL bytes, invalid UTF-8, a 20 MiB line without LF, a client that
 * never reads while events flow — next to a well-behaved logged-in session (a call-class reader
 * that reads everything) which must keep getting its events and its Ping answers during and
 * after the attack. The hostile session gets what Asterisk 20's manager.c would give it, and the
 * memory the simulator holds for it stays within the bounds {@link AmiServerSettings} states.
 */
class HostileInputIT {

    private static final int MIB = 1 << 20;
    private static final AtomicInteger CHANGES = new AtomicInteger();

    private UcmSimulator sim;
    private RawAmiClient watcher;

    @BeforeEach
    void start() {
        sim = TestSims.builder().start();
        watcher = RawAmiClient.login(sim.amiPort(), "amireader", "amireader1", "on")
                .readInBackground();
    }

    @AfterEach
    void stop() {
        watcher.close();
        sim.close();
    }

    @Test
    void a_nul_byte_costs_its_line_only_and_the_request_is_answered() {
        try (RawAmiClient hostile = RawAmiClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            // Asterisk keeps the header up to the NUL (strdup); either way X-Junk is not what Ping reads.
            hostile.send("Action: Ping\r\nActionID: nul-1\r\nX-Junk: a\0b\r\n\r\n");
            assertThat(hostile.answer()).startsWith("Response: Success\r\nActionID: nul-1\r\nPing: Pong\r\n");
            hostile.send("Action: Ping\r\nX-\0\0\0: \0\r\nActionID: nul-2\r\n\r\n");
            assertThat(hostile.answer()).startsWith("Response: Success\r\nActionID: nul-2\r\nPing: Pong\r\n");
            assertWatcherServed("nul");
        }
    }

    @Test
    void invalid_utf8_costs_its_line_only_and_the_session_survives() {
        try (RawAmiClient hostile = RawAmiClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            // A lone continuation byte, an overlong '/', a UTF-16 surrogate, a truncated sequence; in a value and in a
            // name.
            hostile.send(concat(
                    "Action: Ping\r\nActionID: u8-1\r\nX-Junk: ",
                    new byte[] {
                        (byte) 0xff,
                        (byte) 0x80,
                        (byte) 0xc0,
                        (byte) 0xaf,
                        (byte) 0xed,
                        (byte) 0xa0,
                        (byte) 0x80,
                        (byte) 0xe2,
                        (byte) 0x82
                    },
                    "\r\nX",
                    new byte[] {(byte) 0xfe},
                    ": y\r\n\r\n"));
            assertThat(hostile.answer()).startsWith("Response: Success\r\nActionID: u8-1\r\nPing: Pong\r\n");
            // An action name that is not UTF-8: Asterisk compares bytes and answers "Invalid/unknown command"; the
            // codec discards the line, so the simulator answers "Missing action in request". An error either way.
            hostile.send(concat("Action: P", new byte[] {(byte) 0xff}, "ng\r\nActionID: u8-2\r\n\r\n"));
            assertThat(hostile.answer()).startsWith("Response: Error\r\nActionID: u8-2\r\nMessage: ");
            hostile.send("Action: Ping\r\nActionID: u8-3\r\n\r\n");
            assertThat(hostile.answer()).startsWith("Response: Success\r\nActionID: u8-3\r\n");
            assertWatcherServed("u8");
        }
    }

    /**
     * Asterisk's get_input drops an over-long line 1023 bytes at a time (keeping the last byte, which
     * may be the CR of a CRLF) and answers {@code Failed to parse message: line too long} at the blank
     * line that ends the message, with the message's ActionID (transcript 21, for 1 KiB). 20 MiB make
     * no difference: nothing of the line is kept, and the session is served on.
     */
    @Test
    void a_20_mib_line_without_lf_is_thrown_away_as_it_comes_and_answered_at_the_blank_line() throws Exception {
        try (RawAmiClient hostile = RawAmiClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off")) {
            AmiSession session = hostile.session(sim);
            byte[] tenMib = new byte[10 * MIB]; // before the baseline: the test's own 10 MiB are not the simulator's
            Arrays.fill(tenMib, (byte) 'x');
            long receivedBefore = session.bytesReceived();
            long heapBefore = RawAmiClient.heapAfterGc();
            long directBefore = RawAmiClient.nettyDirectMemory();
            CountDownLatch halfway = new CountDownLatch(1);
            CompletableFuture<Void> attack = CompletableFuture.runAsync(() -> {
                hostile.send("Action: Ping\r\nActionID: long\r\nX-Pad: ").send(tenMib);
                try {
                    halfway.await(30, TimeUnit.SECONDS); // the test measures and checks the watcher mid-line
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hostile.send(tenMib);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> session.bytesReceived() - receivedBefore >= 10 * MIB);
            long heapMidLine = RawAmiClient.heapAfterGc() - heapBefore;
            long directMidLine = RawAmiClient.nettyDirectMemory() - directBefore;
            assertWatcherServed("mid-line");
            halfway.countDown();
            attack.get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> session.bytesReceived() - receivedBefore >= 20 * MIB);
            long heapFullLine = RawAmiClient.heapAfterGc() - heapBefore;
            long directFullLine = RawAmiClient.nettyDirectMemory() - directBefore;
            System.out.printf(
                    "20 MiB line: heap %+d bytes after 10 MiB, %+d after 20 MiB; Netty direct %+d, %+d bytes%n",
                    heapMidLine, heapFullLine, directMidLine, directFullLine);
            // The decoder holds its 64 KiB read window and at most a 1 KiB partial line, not the line.
            assertThat(heapMidLine).isLessThan(MIB);
            assertThat(heapFullLine).isLessThan(MIB);
            assertThat(directFullLine - directMidLine).isLessThan(MIB);

            hostile.send("\r\n\r\n");
            assertThat(hostile.answer())
                    .isEqualTo(
                            "Response: Error\r\nActionID: long\r\nMessage: Failed to parse message: line too long\r\n\r\n");
            hostile.send("Action: Ping\r\nActionID: after\r\n\r\n");
            assertThat(hostile.answer()).startsWith("Response: Success\r\nActionID: after\r\nPing: Pong\r\n");
            assertWatcherServed("after-line");
            assertThat(sim.admin().journal())
                    .extracting(JournalEntry::outcome, JournalEntry::reason)
                    .contains(org.assertj.core.groups.Tuple.tuple("invalid", "Failed to parse message: line too long"));
        }
    }

    /**
     * Asterisk gives each write to a session {@code writetimeout} (100 ms) and ends the session when
     * one times out: no last message, the socket closed. The simulator's equivalent is a byte bound:
     * past the outbound high-water mark (1 MiB) still unsent after a flush, the session is dropped,
     * counted and logged, so memory never grows with what a client does not read.
     */
    @Test
    void a_client_that_never_reads_is_dropped_at_the_outbound_limit_and_the_others_read_on() {
        int highWaterMark = sim.amiServer().settings().outboundHighWaterMark();
        RawAmiClient hostile = RawAmiClient.connect(sim.amiPort(), 4096);
        try {
            hostile.banner();
            hostile.send("Action: Login\r\nUsername: amireader\r\nSecret: amireader1\r\n\r\n");
            assertThat(hostile.message()).contains("Authentication accepted");
            AmiSession session = hostile.session(sim);
            // From here the hostile client reads nothing. Events go out in batches the watcher keeps up with.
            String text = "y".repeat(200);
            long published = 0;
            int batches = 0;
            while (sim.amiServer().slowReadersDropped() == 0) {
                assertThat(batches++)
                        .as("batches of 500 changes before the drop")
                        .isLessThan(400);
                long before = watcher.messagesRead();
                for (int i = 0; i < 500; i++) {
                    sim.pbx()
                            .setPresence(
                                    "1000",
                                    new Presence("away", "", text + CHANGES.incrementAndGet()),
                                    Pbx.PresenceSource.GUI);
                }
                long target = before + 1000; // PresenceStateChange and PresenceStatus per change
                published += 1000;
                await().atMost(Duration.ofSeconds(20)).until(() -> watcher.messagesRead() >= target);
            }
            assertThat(sim.amiServer().slowReadersDropped()).isEqualTo(1);
            long unsent = session.unsentWhenDropped();
            long queued = session.queuedWhenDropped();
            long delivered = hostile.drainUntilClosed();
            System.out.printf(
                    "never-reading client: dropped after %d events published (%d batches); %d bytes unsent in the "
                            + "outbound buffer and %d bytes of events queued at the drop; %d bytes had reached the client's socket%n",
                    published, batches, unsent, queued, delivered);
            // Unwritable means past the high-water mark and not yet back under the low one; one event more at most.
            assertThat(unsent).isBetween((long) highWaterMark / 2, (long) highWaterMark + 64 * 1024);
            assertThat(queued).isLessThanOrEqualTo((long) AmiSession.PENDING_BYTES_PER_MARK * highWaterMark);
            assertThat(sim.amiServer().sessions()).doesNotContain(session);
            assertWatcherServed("after-drop");
            assertThat(watcher.closedByServer()).isFalse();
        } finally {
            hostile.close();
        }
    }

    /** The watcher gets the next event, then its Ping answered. */
    private void assertWatcherServed(String tag) {
        long before = watcher.messagesRead();
        sim.pbx()
                .setPresence("1001", new Presence("away", "", tag + CHANGES.incrementAndGet()), Pbx.PresenceSource.GUI);
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.messagesRead() >= before + 2);
        assertThat(watcher.pingInBackground(tag))
                .startsWith("Response: Success\r\nActionID: " + tag + "\r\nPing: Pong\r\n");
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b = p instanceof byte[] bytes ? bytes : ((String) p).getBytes(StandardCharsets.US_ASCII);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }
}
