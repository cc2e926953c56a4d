package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Manual probe (not a test): N logged-in AMI sessions on real loopback sockets (the embedded demo
 * PBX, user amiadmin reading every class), then M presence changes published through the admin
 * API; every session reads every event. Reports sessions still connected at the end and the
 * event deliveries per second across all sessions. Build from the root with
 * {@code mvn -pl ami,simulator test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=cp.txt},
 * then from simulator/:
 * {@code java -cp target/classes:target/test-classes:../ami/target/classes:$(cat cp.txt) io.ucmkit.simulator.ami.SessionLoadProbe 1000 500}.
 */
final class SessionLoadProbe {
    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args.length > 0 ? args[0] : "1000");
        int changes = Integer.parseInt(args.length > 1 ? args[1] : "500");
        try (UcmSimulator sim = UcmSimulator.builder()
                .amiPort(0)
                .authFailureDelay(Duration.ZERO)
                .start()) {
            List<Socket> sockets = new ArrayList<>();
            List<BufferedReader> readers = new ArrayList<>();
            // Logged in one after the other: the server refuses more than 50 unauthenticated sessions.
            for (int i = 0; i < sessions; i++) {
                Socket s = new Socket("127.0.0.1", sim.amiPort());
                s.setSoTimeout(30_000);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                in.readLine();
                s.getOutputStream()
                        .write(("Action: Login\r\nUsername: amiadmin\r\nSecret: amiadmin1\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String line;
                while (!(line = in.readLine()).isEmpty()) {
                    if (line.startsWith("Response:") && !line.contains("Success")) {
                        throw new IllegalStateException("session " + i + " login: " + line);
                    }
                }
                sockets.add(s);
                readers.add(in);
            }
            System.out.printf(
                    "%d sessions logged in; simulator counts %d%n",
                    sessions, sim.admin().amiSessions().size());

            AtomicLong delivered = new AtomicLong();
            AtomicInteger dropped = new AtomicInteger();
            java.util.concurrent.ConcurrentHashMap<String, Long> byName =
                    new java.util.concurrent.ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(sessions);
            long expected = 2L * changes;
            for (BufferedReader in : readers) {
                Thread t = new Thread(() -> {
                    long n = 0;
                    try {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.startsWith("Event: ")) {
                                byName.merge(line.substring(7), 1L, Long::sum);
                                // Only the changes' own events count; the backlog holds the other logins'
                                // SuccessfulAuth.
                                if (line.startsWith("Event: Presence") && ++n == expected) {
                                    break; // every change's PresenceStateChange and PresenceStatus read
                                }
                            }
                        }
                        if (line == null) {
                            dropped.incrementAndGet();
                        }
                    } catch (IOException e) {
                        dropped.incrementAndGet();
                    } finally {
                        delivered.addAndGet(n);
                        done.countDown();
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                sim.admin().setPresence(i % 2 == 0 ? "1007" : "1008", PresenceStatus.CUSTOM, "probe" + i);
            }
            done.await();
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%d sessions x %d presence changes: %d Presence* event deliveries in %.3f s = %.0f deliveries/s; "
                            + "%d sessions closed early, %d still counted by the simulator%n",
                    sessions,
                    changes,
                    delivered.get(),
                    s,
                    delivered.get() / s,
                    dropped.get(),
                    sim.admin().amiSessions().size());
            System.out.println("events read, by name: " + new java.util.TreeMap<>(byName));
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
