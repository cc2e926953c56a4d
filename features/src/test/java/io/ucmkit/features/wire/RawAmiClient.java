package io.ucmkit.features.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain TCP socket that writes exactly the bytes a scenario gives and reads the PBX's answer
 * with {@link WireParser}: the independent judge of the wire format. A reader thread parses
 * continuously, so a scenario waits on a queue with a deadline and never sleeps.
 */
public final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final WireParser parser = new WireParser();
    /** Answers (anything that is not an event), in arrival order. */
    private final BlockingQueue<WireMessage> received = new LinkedBlockingQueue<>();
    /** Events, in arrival order; guarded by itself, notified on each arrival. */
    private final List<WireMessage> events = new ArrayList<>();

    private final CompletableFuture<String> banner = new CompletableFuture<>();
    private final CompletableFuture<Void> closedByPeer = new CompletableFuture<>();

    public RawAmiClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "raw-ami-reader-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (WireMessage message : parser.feed(buffer, n)) {
                    if (isEvent(message)) {
                        synchronized (events) {
                            events.add(message);
                            events.notifyAll();
                        }
                    } else {
                        received.add(message);
                    }
                }
                if (parser.banner() != null) {
                    banner.complete(parser.banner());
                }
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            // the socket was closed by close() or reset by the peer: both end the conversation
        }
        closedByPeer.complete(null);
        synchronized (events) {
            events.notifyAll();
        }
    }

    private static boolean isEvent(WireMessage message) {
        return !message.lines().isEmpty() && message.lines().get(0)[0].equalsIgnoreCase("Event");
    }

    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends the lines as one request: each line ends in CRLF, then the blank line. */
    public void sendMessage(String lines) throws IOException {
        send(String.join("\r\n", lines.split("\n", -1)) + "\r\n\r\n");
    }

    /** The banner if one arrived, else null (read after {@link #awaitClosedByPeer}: every byte was parsed by then). */
    public String bannerIfAny() {
        return banner.getNow(null);
    }

    public String banner(Duration timeout) throws Exception {
        return banner.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next answer (events are kept apart), or an assertion error naming what did (not) arrive. */
    public WireMessage nextResponse(Duration timeout) throws InterruptedException {
        WireMessage message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("the PBX sent no complete answer within " + timeout.toMillis() + " ms"
                    + (closedByPeer.isDone() ? " and closed the connection" : "") + "; partial bytes: '"
                    + parser.pending()
                    + "'; events meanwhile: " + events().size());
        }
        return message;
    }

    /** Waits for the first event, received so far or later, that {@code matches}. */
    public WireMessage awaitEvent(Predicate<WireMessage> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (WireMessage event : events) {
                    if (matches.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closedByPeer.isDone()) {
                    throw new AssertionError("no matching event within " + timeout.toMillis() + " ms; events received: "
                            + events.stream().map(e -> e.get("Event")).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    /** Every event received so far, oldest first. */
    public List<WireMessage> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public boolean awaitClosedByPeer(Duration timeout) {
        try {
            closedByPeer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public boolean isClosedByPeer() {
        return closedByPeer.isDone();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
