package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.simulator.UcmSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once: 300 sockets that never log in (Asterisk's {@code authlimit} of 50 holds:
 * the 51st and later are closed before the banner) and 200 parallel logins (none times out, none
 * is refused while at most 50 are waiting for their answer). A logged-in session that reads
 * security events is served throughout; heap per waiting socket and per logged-in session is
 * measured and held to the bounds {@link AmiServerSettings} states.
 */
class HostileCrowdIT {

    private UcmSimulator sim;
    private AmiTestClient watcher;

    @BeforeEach
    void start() {
        sim = TestSims.builder().start();
        watcher = AmiTestClient.builder(sim.amiPort()).keepEvents(false).login("amiadmin", "amiadmin1", "security");
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.eventsReceived() == 1); // its own SuccessfulAuth
    }

    @AfterEach
    void stop() {
        watcher.close();
        sim.close();
    }

    @Test
    void three_hundred_sockets_that_never_log_in_get_fifty_banners_and_the_logged_in_session_is_served() {
        int limit = sim.amiServer().settings().maxUnauthenticated();
        long heapBefore = ServerProbes.heapAfterGc();
        List<AmiTestClient> waiting = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < 300; i++) {
                AmiTestClient c = AmiTestClient.connect(sim.amiPort());
                if (c.bannerOrNull() == null) {
                    refused++; // closed with nothing sent, as Asterisk's session_do does past authlimit
                    c.close();
                } else {
                    waiting.add(c);
                }
            }
            assertThat(waiting).hasSize(limit);
            assertThat(refused).isEqualTo(300 - limit);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> sim.amiServer().sessions().size() == limit + 1);
            long perSocket = (ServerProbes.heapAfterGc() - heapBefore) / limit;
            System.out.printf(
                    "%d unauthenticated sockets waiting: %d bytes of heap each (server and test client)%n",
                    limit, perSocket);
            assertThat(perSocket).isLessThan(32 * 1024);

            assertThat(watcher.send("Action: Ping\r\nActionID: during\r\n\r\n")
                            .answerTo("during")
                            .wire())
                    .startsWith("Response: Success\r\nActionID: during\r\n");
            // Asterisk counts every connection as unauthenticated until it logs in: while 50 wait, a newcomer is
            // refused too.
            try (AmiTestClient newcomer = AmiTestClient.connect(sim.amiPort())) {
                assertThat(newcomer.bannerOrNull()).isNull();
            }
            // One of the waiting logs in: a place is free for the next.
            AmiTestClient first = waiting.get(0);
            first.send("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\nEvents: off\r\n\r\n");
            assertThat(first.nextText()).contains("Authentication accepted");
            try (AmiTestClient next = AmiTestClient.login(sim.amiPort(), "amireader", "amireader1", "off")) {
                next.send("Action: Ping\r\nActionID: next\r\n\r\n");
                assertThat(next.nextAnswerText()).startsWith("Response: Success\r\nActionID: next\r\n");
            }
        } finally {
            waiting.forEach(AmiTestClient::close);
        }
        // Every place comes back when the sockets close: nothing leaks in the count.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sim.amiServer().sessions().size() == 1);
        assertThat(sim.amiServer().unauthenticated().get()).isZero();
        List<AmiTestClient> again = new ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                again.add(AmiTestClient.connect(sim.amiPort()));
                assertThat(again.get(i).bannerOrNull())
                        .as("banner of waiting socket %d after the crowd left", i)
                        .isNotNull();
            }
        } finally {
            again.forEach(AmiTestClient::close);
        }
        assertThat(watcher.send("Action: Ping\r\nActionID: after\r\n\r\n")
                        .answerTo("after")
                        .wire())
                .startsWith("Response: Success\r\nActionID: after\r\n");
    }

    /**
     * 200 clients log in in parallel, at most 50 waiting for their answer at any time (a client
     * past authlimit would be closed before the banner, on Asterisk as here). None is refused or
     * times out, the watcher sees every SuccessfulAuth, and each session is served afterwards.
     */
    @Test
    void two_hundred_parallel_logins_all_succeed_quickly() throws Exception {
        int limit = sim.amiServer().settings().maxUnauthenticated();
        Semaphore waitingForAnswer = new Semaphore(limit);
        long heapBefore = ServerProbes.heapAfterGc();
        long watcherBefore = watcher.eventsReceived();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        List<AmiTestClient> clients = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            List<Future<AmiTestClient>> logins = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                logins.add(pool.submit(() -> {
                    waitingForAnswer.acquire();
                    try {
                        return AmiTestClient.login(sim.amiPort(), "amiadmin", "amiadmin1", "off");
                    } finally {
                        waitingForAnswer.release();
                    }
                }));
            }
            for (Future<AmiTestClient> f : logins) {
                clients.add(f.get(30, TimeUnit.SECONDS));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            await().atMost(Duration.ofSeconds(10)).until(() -> watcher.eventsReceived() - watcherBefore >= 200);
            assertThat(watcher.eventsReceived() - watcherBefore)
                    .as("SuccessfulAuth events the watcher read")
                    .isEqualTo(200);
            long perSession = (ServerProbes.heapAfterGc() - heapBefore) / 200;
            System.out.printf(
                    "200 parallel logins in %.3f s; %d bytes of heap per logged-in idle session (server and test"
                            + " client)%n",
                    seconds, perSession);
            assertThat(perSession).isLessThan(32 * 1024);
            assertThat(sim.amiServer().sessions()).hasSize(201);
            List<Future<String>> pings = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                AmiTestClient c = clients.get(i);
                String id = "p" + i;
                pings.add(pool.submit(() ->
                        c.send("Action: Ping\r\nActionID: " + id + "\r\n\r\n").nextAnswerText()));
            }
            for (int i = 0; i < pings.size(); i++) {
                assertThat(pings.get(i).get(30, TimeUnit.SECONDS))
                        .startsWith("Response: Success\r\nActionID: p" + i + "\r\n");
            }
            assertThat(sim.admin().journal())
                    .filteredOn(e -> "Login".equals(e.action()))
                    .hasSize(201)
                    .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("handled"));
        } finally {
            pool.shutdownNow();
            clients.forEach(AmiTestClient::close);
        }
    }
}
