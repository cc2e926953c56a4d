package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    @Test
    void subscribersSeeEveryItemInOfferOrder() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (EventDispatcher<Integer> d = new EventDispatcher<>("t", 20_000, n -> {})) {
            d.subscribe(seen::add);
            IntStream.range(0, 10_000).forEach(d::offer);

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 10_000);
            assertThat(seen).isEqualTo(IntStream.range(0, 10_000).boxed().toList());
            assertThat(d.dropped()).isZero();
        }
    }

    @Test
    void overflowIsCountedAndReportedNeverSilent() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicLong reported = new AtomicLong();
        try (EventDispatcher<Integer> d = new EventDispatcher<>("t", 4, reported::set)) {
            d.subscribe(i -> {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            d.offer(0);
            blocked.await();
            IntStream.range(1, 11).forEach(d::offer); // 4 fit in the queue, 6 overflow

            assertThat(d.dropped()).isEqualTo(6);
            assertThat(reported.get()).isEqualTo(6);
            release.countDown();
        }
    }

    @Test
    void aFailingSubscriberDoesNotStopDeliveryToOthers() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (EventDispatcher<Integer> d = new EventDispatcher<>("t", 10, n -> {})) {
            d.subscribe(i -> {
                throw new IllegalStateException("boom");
            });
            d.subscribe(seen::add);
            d.offer(1);
            d.offer(2);

            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        }
    }
}
