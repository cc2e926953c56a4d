package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.ami.AmiMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PBX that floods: 100,000 events written as fast as loopback takes them (well above 100,000 events/s). The
 * network thread never waits for subscribers: what the bounded queues cannot hold is dropped and counted, so
 * delivered + dropped is exactly what the PBX sent, the queues never hold more than their bound, and the
 * connection survives the flood.
 */
class EventFloodIT {

    private static final int FLOOD = 100_000;

    @TempDir
    Path dataDir;

    private HostileAmiPeer peer;
    private UcmDriver driver;
    private final RecordingObserver observer = new RecordingObserver();

    @BeforeEach
    void startPeer() throws Exception {
        peer = new HostileAmiPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        peer.close();
    }

    private void start(int queueCapacity) {
        // The Pong queues behind the flood on the one ordered stream: a keepalive deadline of seconds, not 300 ms.
        driver = UcmDriver.start(
                HostilePbxIT.shortTimeouts(peer.port())
                        .keepaliveInterval(Duration.ofSeconds(1))
                        .keepaliveTimeout(Duration.ofSeconds(2))
                        .eventQueueCapacity(queueCapacity)
                        .build(),
                dataDir,
                Clock.systemUTC(),
                observer);
        await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);
    }

    private static byte[] flood() {
        StringBuilder sb = new StringBuilder(FLOOD * 130);
        for (int i = 0; i < FLOOD; i++) {
            sb.append("Event: PresenceStateChange\r\nPrivilege: call,all\r\nPresentity: CustomPresence:1000\r\n")
                    .append("Status: away\r\nSubtype: \r\nMessage: m")
                    .append(i)
                    .append("\r\n\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the flood and waits until the driver has read all of it; prints the rates for the record. */
    private void floodAndAwaitReceived(String label) {
        byte[] bytes = flood();
        long before = driver.counters().eventsReceived();
        long started = System.nanoTime();
        peer.sendToLoggedIn(bytes);
        long written = System.nanoTime() - started;
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.counters().eventsReceived() - before == FLOOD);
        long received = System.nanoTime() - started;
        System.out.printf(
                "EventFloodIT %s: %,d events (%,d bytes) written in %d ms (%,d events/s), read by the driver"
                        + " in %d ms (%,d events/s)%n",
                label,
                FLOOD,
                bytes.length,
                TimeUnit.NANOSECONDS.toMillis(written),
                FLOOD * 1_000_000_000L / Math.max(1, written),
                TimeUnit.NANOSECONDS.toMillis(received),
                FLOOD * 1_000_000_000L / Math.max(1, received));
    }

    @Test
    void withStalledSubscribersTheQueuesStayWithinTheirBoundAndEveryDropIsCounted() {
        start(1_000);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong rawDelivered = new AtomicLong();
        AtomicLong presenceDelivered = new AtomicLong();
        driver.subscribeAmi(m -> {
            waitFor(release);
            rawDelivered.incrementAndGet();
        });
        driver.subscribe(e -> {
            waitFor(release);
            if (e instanceof DriverEvent.Presence) {
                presenceDelivered.incrementAndGet();
            }
        });

        floodAndAwaitReceived("stalled subscribers, queues of 1,000");
        release.countDown();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            DriverCounters c = driver.counters();
            assertThat(rawDelivered.get() + c.amiEventsDropped()).isEqualTo(FLOOD);
            assertThat(presenceDelivered.get() + c.eventsDropped()).isEqualTo(FLOOD);
        });
        DriverCounters c = driver.counters();
        System.out.printf(
                "EventFloodIT stalled: delivered %,d raw + %,d driver events, dropped %,d + %,d, queue peak %,d"
                        + " of %,d%n",
                rawDelivered.get(),
                presenceDelivered.get(),
                c.amiEventsDropped(),
                c.eventsDropped(),
                c.eventQueuePeak(),
                c.eventQueueCapacity());
        assertThat(c.eventsDropped()).isGreaterThan(FLOOD - 2_000L);
        assertThat(c.eventQueuePeak()).isLessThanOrEqualTo(1_000).isEqualTo(c.eventQueueCapacity());
        assertThat(driver.droppedEvents()).isEqualTo(c.eventsDropped() + c.amiEventsDropped());
        assertThat(driver.asset().snapshot().droppedEvents()).isEqualTo(driver.droppedEvents());
        assertThat(observer.dropped).hasValue(driver.droppedEvents());
        assertThat(observer.dropReasons)
                .anySatisfy(r -> assertThat(r).startsWith("driver event queue full (1000 events)"))
                .anySatisfy(r -> assertThat(r).startsWith("raw AMI event queue full (1000 events)"));
        assertThat(c.malformedMessages()).isZero();

        // The connection survived and the next event gets through.
        // Subscribed before the event is sent: a subscriber sees only what arrives after it subscribed.
        List<AmiMessage> after = new CopyOnWriteArrayList<>();
        driver.subscribeAmi(after::add);
        peer.sendToLoggedIn("Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: after\r\n\r\n");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> after.stream().anyMatch(m -> "after".equals(m.get("UserEvent"))));
        assertThat(driver.asset().state()).isEqualTo("Normal");
        assertThat(driver.counters().connects()).isEqualTo(1);
        assertThat(observer.disconnected).isEmpty();
    }

    @Test
    void subscribersThatKeepUpGetTheWholeFloodInOrderWithNothingDropped() {
        start(DriverConfig.builder().build().eventQueueCapacity());
        // Not a CopyOnWriteArrayList: copying on each of 100,000 adds would make this subscriber the slow one.
        List<String> presence = Collections.synchronizedList(new ArrayList<>());
        driver.subscribe(e -> {
            if (e instanceof DriverEvent.Presence p) {
                presence.add(p.text());
            }
        });

        floodAndAwaitReceived("subscribers keeping up, default queues");

        await().atMost(Duration.ofSeconds(30)).until(() -> presence.size() == FLOOD);
        for (int i = 0; i < FLOOD; i += 9_999) {
            assertThat(presence.get(i)).isEqualTo("m" + i);
        }
        DriverCounters c = driver.counters();
        System.out.printf(
                "EventFloodIT keeping up: queue peak %,d of %,d%n", c.eventQueuePeak(), c.eventQueueCapacity());
        assertThat(driver.droppedEvents()).isZero();
        assertThat(observer.dropped).hasValue(0);
        assertThat(c.eventQueuePeak()).isLessThanOrEqualTo(c.eventQueueCapacity());
        assertThat(c.connects()).isEqualTo(1);
        assertThat(observer.received).hasValue(c.eventsReceived());
        assertThat(observer.delivered).hasValue(c.eventsDelivered());
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
