package io.ucmkit.ami.testing;

import io.ucmkit.ami.AmiBanner;
import io.ucmkit.ami.AmiMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The AMI client of the tests, on a plain blocking socket: it writes exactly the bytes it is given,
 * and a reader thread decodes what the server sends with the real {@link io.ucmkit.ami.AmiDecoder}, keeping
 * each frame with its wire text ({@link Received}). Every wait has a deadline (the client's timeout,
 * 10 s unless set) and fails with what did arrive; nothing sleeps.
 *
 * <p>Reading: the {@code next…} methods read in order, from a cursor; {@link #awaitEvent} and
 * {@link #events} look at every event received since the connection opened. A client that should
 * count a flood of events without keeping them is built with {@code keepEvents(false)}; one that
 * should stop reading (a slow consumer) calls {@link #pauseReading}.
 */
public final class AmiTestClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final Inbox inbox;
    private final WireReader reader;
    private final Duration timeout;

    private AmiTestClient(Socket socket, Duration timeout, boolean keepEvents) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.timeout = timeout;
        this.inbox = new Inbox(keepEvents);
        this.reader = new WireReader(socket.getInputStream(), inbox);
        Thread thread = new Thread(reader, "ami-test-client-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Connects to {@code 127.0.0.1:port}. */
    public static AmiTestClient connect(int port) {
        return builder(port).connect();
    }

    public static AmiTestClient connect(String host, int port) {
        return builder(port).host(host).connect();
    }

    /** Connects to {@code 127.0.0.1:port}, reads the banner and logs in ({@code events} null: no Events header). */
    public static AmiTestClient login(int port, String username, String secret, String events) {
        return builder(port).login(username, secret, events);
    }

    public static Builder builder(int port) {
        return new Builder(port);
    }

    // ---- writing ----

    public AmiTestClient send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes as they are; returns once the socket took them all. */
    public synchronized AmiTestClient send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("sending to " + socket.getRemoteSocketAddress(), e);
        }
    }

    /** Sends {@code Name: value} lines written one per line ({@code \n}): each ends in CR LF, then the blank line. */
    public AmiTestClient sendLines(String lines) {
        return send(String.join("\r\n", lines.split("\n", -1)) + "\r\n\r\n");
    }

    /** Sends a message of the given names and values, each header {@code Name: value} with CR LF, then the blank line. */
    public AmiTestClient sendMessage(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text.append(namesAndValues[i])
                    .append(": ")
                    .append(namesAndValues[i + 1])
                    .append("\r\n");
        }
        return send(text.append("\r\n").toString());
    }

    /**
     * Sends an action and returns its answer: the first answer with its ActionID, or the next answer
     * when it has none. For Login, use {@link #login}.
     */
    public AmiMessage action(String... namesAndValues) {
        String actionId = AmiMessage.of(namesAndValues).actionId();
        sendMessage(namesAndValues);
        return actionId == null ? nextAnswer() : answerTo(actionId).message();
    }

    /**
     * Logs in with a plain secret ({@code events} null: no Events header), as the simplest client
     * writes it (no ActionID); fails unless the server accepts.
     */
    public AmiTestClient login(String username, String secret, String events) {
        send("Action: Login\r\nUsername: " + username + "\r\nSecret: " + secret + "\r\n"
                + (events == null ? "" : "Events: " + events + "\r\n") + "\r\n");
        AmiMessage answer = nextAnswer();
        if (!"Success".equalsIgnoreCase(answer.response())) {
            throw new AssertionError("login as " + username + " failed: " + answer);
        }
        return this;
    }

    // ---- reading in order ----

    /** The banner line, without its line end. */
    public String banner() {
        String banner = bannerOrNull();
        if (banner == null) {
            throw new AssertionError("the server closed the connection before its banner");
        }
        return banner;
    }

    /** The banner line, or null when the server closed the connection without sending one. */
    public String bannerOrNull() {
        if (!inbox.awaitFirst(timeout)) {
            return null;
        }
        Received first = next(timeout);
        if (!(first.frame() instanceof AmiBanner banner)) {
            throw new AssertionError("expected the banner, got " + first.frame() + " from: " + first.wire());
        }
        return banner.line();
    }

    /** The next thing received, whatever it is. */
    public Received next() {
        return next(timeout);
    }

    public Received next(Duration timeout) {
        return inbox.next(r -> true, timeout, "frame");
    }

    /** The next thing received that matches; those before it are passed over. */
    public Received nextWhere(Predicate<Received> matches, Duration timeout) {
        return inbox.next(matches, timeout, "matching frame");
    }

    /** The next message (event or answer; a failure's well-formed part), as decoded. */
    public AmiMessage nextMessage() {
        return next().message();
    }

    /** The next message's wire text, blank line included. */
    public String nextText() {
        return next().wire();
    }

    /** The next answer (not an event, not the banner); the events before it are passed over. */
    public AmiMessage nextAnswer() {
        return inbox.next(Received::isAnswer, timeout, "answer").message();
    }

    /** The next answer's wire text. */
    public String nextAnswerText() {
        return inbox.next(Received::isAnswer, timeout, "answer").wire();
    }

    /** The answer with this ActionID, passing over what comes before it. */
    public Received answerTo(String actionId) {
        return inbox.next(
                r -> r.isAnswer() && actionId.equals(r.message().actionId()),
                timeout,
                "answer with ActionID " + actionId);
    }

    /** The next message that matches, passing over those before it. */
    public AmiMessage nextMessage(Predicate<AmiMessage> matches) {
        return inbox.next(r -> !r.isBanner() && matches.test(r.message()), timeout, "matching message")
                .message();
    }

    /** The messages read up to the first that matches, that one included. */
    public List<AmiMessage> messagesUntil(Predicate<AmiMessage> matches) {
        List<AmiMessage> read = new ArrayList<>();
        inbox.next(
                r -> {
                    if (r.isBanner()) {
                        return false;
                    }
                    read.add(r.message());
                    return matches.test(r.message());
                },
                timeout,
                "matching message");
        return read;
    }

    // ---- looking at every event ----

    /** The first event received since the connection opened, or later, that matches; the cursor stays. */
    public AmiMessage awaitEvent(Predicate<AmiMessage> matches, Duration timeout) {
        requireKeptEvents();
        return inbox.find(r -> r.isEvent() && matches.test(r.message()), timeout, "matching event")
                .message();
    }

    /** The first thing received since the connection opened, or later, that matches; the cursor stays. */
    public Received awaitReceived(Predicate<Received> matches, Duration timeout) {
        return inbox.find(matches, timeout, "matching frame");
    }

    /** Every event received so far, oldest first. */
    public List<AmiMessage> events() {
        requireKeptEvents();
        return inbox.all().stream()
                .filter(Received::isEvent)
                .map(Received::message)
                .toList();
    }

    /** The messages the {@code next…} reads have passed so far (the banner left out), in wire order. */
    public List<AmiMessage> messagesRead() {
        return inbox.passed().stream()
                .filter(r -> !r.isBanner())
                .map(Received::message)
                .toList();
    }

    /** Everything kept so far, read or not, in wire order. */
    public List<Received> received() {
        return inbox.all();
    }

    /** Frames received so far (banner, messages, failures), kept or only counted. */
    public long framesReceived() {
        return inbox.count();
    }

    /** Events received so far, kept or only counted. */
    public long eventsReceived() {
        return inbox.events();
    }

    // ---- the connection ----

    /** Stops reading once the read in progress ends, as a client that does not keep up. */
    public AmiTestClient pauseReading() {
        reader.pause();
        return this;
    }

    public AmiTestClient resumeReading() {
        reader.resume();
        return this;
    }

    public boolean awaitClosedByPeer(Duration timeout) {
        return inbox.awaitClosed(timeout);
    }

    /** Whether the connection ended (the server closed it, or this client did). */
    public boolean isClosed() {
        return inbox.isClosed();
    }

    /**
     * Reads on (resuming a paused client) until the server closes, failing after the timeout; returns
     * how many bytes came that the cursor had not passed, which it passes.
     */
    public long drainUntilClosed() {
        resumeReading();
        return textUntilClosed().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Waits for the server to close; returns the wire text of everything after the cursor, to the last byte. */
    public String textUntilClosed() {
        if (!awaitClosedByPeer(timeout)) {
            throw new AssertionError("the server did not close the connection within " + timeout.toMillis() + " ms; "
                    + bytesReceived() + " bytes received");
        }
        return inbox.drainText();
    }

    /** Bytes read from the socket so far. */
    public long bytesReceived() {
        return reader.bytesRead();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /** Closes the socket; the reader thread ends with it. */
    @Override
    public void close() {
        reader.resume();
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed is not a test failure
        }
    }

    private void requireKeptEvents() {
        if (!inbox.keepsEvents()) {
            throw new IllegalStateException("this client counts events without keeping them (keepEvents(false))");
        }
    }

    /** How to connect: host, local address, receive buffer, timeout, whether events are kept. */
    public static final class Builder {
        private final int port;
        private String host = "127.0.0.1";
        private String localAddress;
        private int receiveBufferSize;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean keepEvents = true;

        private Builder(int port) {
            this.port = port;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Connects from this local address (e.g. {@code 127.0.0.2}, "another host" on loopback). */
        public Builder localAddress(String address) {
            this.localAddress = address;
            return this;
        }

        /** Shrinks the socket's receive buffer first, as a client that reads little would have. */
        public Builder receiveBufferSize(int bytes) {
            this.receiveBufferSize = bytes;
            return this;
        }

        /** The deadline of every wait without one of its own, and of the connect. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** False: events are counted ({@link #framesReceived}) but not kept, for a client reading a flood. */
        public Builder keepEvents(boolean keep) {
            this.keepEvents = keep;
            return this;
        }

        /** Connects, reads the banner and logs in (see {@link AmiTestClient#login(String, String, String)}). */
        public AmiTestClient login(String username, String secret, String events) {
            AmiTestClient client = connect();
            try {
                client.banner();
                return client.login(username, secret, events);
            } catch (RuntimeException | AssertionError e) {
                client.close();
                throw e;
            }
        }

        public AmiTestClient connect() {
            Socket socket = new Socket();
            try {
                if (receiveBufferSize > 0) {
                    socket.setReceiveBufferSize(receiveBufferSize);
                }
                if (localAddress != null) {
                    socket.bind(new InetSocketAddress(localAddress, 0));
                }
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return new AmiTestClient(socket, timeout, keepEvents);
            } catch (IOException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the connect failure is what matters
                }
                throw new UncheckedIOException("connecting to " + host + ":" + port, e);
            }
        }
    }
}
