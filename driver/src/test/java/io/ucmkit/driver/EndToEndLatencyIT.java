package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency from an AMI event written to the socket by the peer to the translated driver event reaching a
 * subscriber: loopback TCP, decode, translate, bounded queue, dispatcher thread. One event in flight at a time.
 * Same JVM, so {@code System.nanoTime()} on both sides is one clock.
 */
class EndToEndLatencyIT {

    @TempDir
    Path dataDir;

    @Test
    void aPresenceChangeReachesTheSubscriberWithinMillisecondsOnLoopback() throws Exception {
        try (ScriptedAmiPeer peer = new ScriptedAmiPeer()) {
            DriverConfig config = DriverConfig.builder()
                    .address("127.0.0.1")
                    .port(peer.port())
                    .username("admin")
                    .password("secret1")
                    .build();
            try (UcmDriver driver = UcmDriver.start(config, dataDir)) {
                await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);
                BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
                driver.subscribe(e -> {
                    if (e instanceof DriverEvent.Presence) {
                        arrivals.add(System.nanoTime());
                    }
                });
                int warmup = 1_000;
                int n = 3_000;
                long[] micros = new long[n];
                for (int i = 0; i < warmup + n; i++) {
                    String event =
                            "Event: PresenceStateChange\r\nPrivilege: call,all\r\nPresentity: CustomPresence:1000\r\n"
                                    + "Status: away\r\nSubtype: \r\nMessage: m" + i + "\r\n\r\n";
                    long sent = System.nanoTime();
                    peer.sendToAll(event);
                    Long got = arrivals.poll(5, TimeUnit.SECONDS);
                    assertThat(got).as("event %d arrived", i).isNotNull();
                    if (i >= warmup) {
                        micros[i - warmup] = (got - sent) / 1_000;
                    }
                }
                Arrays.sort(micros);
                long p50 = micros[n / 2];
                long p99 = micros[(int) (n * 0.99)];
                System.out.printf(
                        "driver end-to-end latency over %d events (scripted peer, loopback): "
                                + "median %d us, p99 %d us, max %d us%n",
                        n, p50, p99, micros[n - 1]);
                assertThat(p99).isLessThan(100_000);
            }
        }
    }
}
