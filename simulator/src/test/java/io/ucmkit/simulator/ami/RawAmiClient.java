package io.ucmkit.simulator.ami;

import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.ucmkit.simulator.UcmSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile (or merely raw) AMI client on a plain socket for the hostile-client ITs: writes any
 * bytes, reads CRLF-framed messages with a read timeout (no sleeps), can run a background reader
 * that counts every message, and finds its own {@link AmiSession} on the server. Also the
 * memory probes those tests assert their bounds with.
 */
final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicLong messagesRead = new AtomicLong();
    private final ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean endOfStream = new AtomicBoolean();

    private RawAmiClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawAmiClient connect(int port) {
        return connect(port, 0);
    }

    /** Connects; {@code receiveBuffer > 0} shrinks the socket's receive buffer first, as a client that reads little would. */
    static RawAmiClient connect(int port, int receiveBuffer) {
        try {
            Socket s = new Socket();
            if (receiveBuffer > 0) {
                s.setReceiveBufferSize(receiveBuffer);
            }
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            return new RawAmiClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and logs in; the banner and the login answer (and FullyBooted for system readers) are not returned. */
    static RawAmiClient login(int port, String user, String secret, String events) {
        RawAmiClient c = connect(port);
        c.banner();
        c.send("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: " + events + "\r\n\r\n");
        String answer = c.message();
        if (!answer.contains("Message: Authentication accepted")) {
            throw new AssertionError("login failed: " + answer);
        }
        return c;
    }

    RawAmiClient send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawAmiClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The banner line, or null when the server closed the connection without one (authlimit). */
    String bannerOrNull() {
        try {
            return readUntil("\r\n");
        } catch (EndOfStream e) {
            return null;
        }
    }

    String banner() {
        String banner = bannerOrNull();
        if (banner == null) {
            throw new AssertionError("closed before the banner");
        }
        return banner;
    }

    /** One message with its blank line. */
    String message() {
        try {
            return readUntil("\r\n\r\n");
        } catch (EndOfStream e) {
            throw new AssertionError("connection closed; got: " + e.getMessage());
        }
    }

    /** The next message that is not an event (a response to this client's action). */
    String answer() {
        String m;
        do {
            m = message();
        } while (m.startsWith("Event: "));
        return m;
    }

    /**
     * Reads everything up to the server's close; returns how many bytes came. Fails when the server
     * does not close within the read timeout.
     */
    long drainUntilClosed() {
        byte[] buf = new byte[65536];
        long total = received.size();
        received.reset();
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; " + total + " bytes read", e);
        } catch (IOException e) {
            // reset by the peer counts as closed
        }
        return total;
    }

    /**
     * Starts a daemon thread that reads and counts every message from now on, keeping the non-event
     * ones ({@link #answers}): a well-behaved client that keeps up with any event rate.
     */
    RawAmiClient readInBackground() {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[65536];
                    StringBuilder pending = new StringBuilder(received.toString(StandardCharsets.UTF_8));
                    received.reset();
                    try {
                        int n = 0;
                        do {
                            pending.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                            int from = 0;
                            int end;
                            while ((end = pending.indexOf("\r\n\r\n", from)) >= 0) {
                                if (!pending.substring(from, Math.min(from + 7, end))
                                        .equals("Event: ")) {
                                    answers.add(pending.substring(from, end + 4));
                                }
                                messagesRead.incrementAndGet();
                                from = end + 4;
                            }
                            pending.delete(0, from);
                        } while ((n = in.read(buf)) >= 0);
                    } catch (IOException e) {
                        // closed or reset
                    } finally {
                        endOfStream.set(true);
                    }
                },
                "ami-test-reader");
        try {
            socket.setSoTimeout(0); // the test thread awaits with its own timeouts
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** Messages the background reader has read. */
    long messagesRead() {
        return messagesRead.get();
    }

    boolean closedByServer() {
        return endOfStream.get();
    }

    /** With a background reader: sends a Ping and waits for its answer. */
    String pingInBackground(String actionId) {
        send("Action: Ping\r\nActionID: " + actionId + "\r\n\r\n");
        String[] got = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (String a : answers) {
                if (a.contains("ActionID: " + actionId + "\r\n")) {
                    got[0] = a;
                    return true;
                }
            }
            return false;
        });
        return got[0];
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** This client's session on the server. */
    AmiSession session(UcmSimulator sim) {
        List<AmiSession> mine = sim.amiServer().sessions().stream()
                .filter(s -> s.remoteAddress() != null && s.remoteAddress().getPort() == localPort())
                .toList();
        if (mine.size() != 1) {
            throw new AssertionError("no session for local port " + localPort() + " among "
                    + sim.amiServer().sessions().size());
        }
        return mine.get(0);
    }

    private String readUntil(String end) {
        try {
            while (true) {
                String s = received.toString(StandardCharsets.ISO_8859_1);
                int i = s.indexOf(end);
                if (i >= 0) {
                    byte[] all = received.toByteArray();
                    int used = i + end.length();
                    received.reset();
                    received.write(all, used, all.length - used);
                    return new String(all, 0, used, StandardCharsets.UTF_8);
                }
                byte[] buf = new byte[4096];
                int n = in.read(buf);
                if (n < 0) {
                    throw new EndOfStream(s);
                }
                received.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("reset")) {
                throw new EndOfStream(received.toString(StandardCharsets.UTF_8));
            }
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server closed while a read waited. */
    private static final class EndOfStream extends RuntimeException {
        EndOfStream(String got) {
            super(got, null, false, false);
        }
    }

    /** Heap in use after full collections: the least of three readings, so garbage made meanwhile counts least. */
    static long heapAfterGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(
                    least,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Direct memory Netty's default allocator holds (the simulator's read and write buffers). */
    static long nettyDirectMemory() {
        return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT)
                .metric()
                .usedDirectMemory();
    }
}
