package io.ucmkit.features.wire;

import io.ucmkit.ami.testing.AmiTestClient;
import io.ucmkit.ami.testing.Received;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The shared {@link AmiTestClient} as a scenario reads it: what the PBX sent is judged by
 * {@link WireParser}, the suite's own reading of the wire, never by the codec under test. The
 * client (socket, reader thread, deadlines) only says where each message's bytes begin and end;
 * its text is parsed here again, and a message the two readings frame differently fails the step.
 */
public final class WireView implements AutoCloseable {

    private final AmiTestClient client;
    /** Answers judged from a frame but not returned yet (only if the two readings disagreed on framing). */
    private final Deque<WireMessage> answers = new ArrayDeque<>();

    private WireView(AmiTestClient client) {
        this.client = client;
    }

    public static WireView connect(String host, int port) throws IOException {
        try {
            return new WireView(AmiTestClient.connect(host, port));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void send(String text) throws IOException {
        try {
            client.send(text);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Sends the lines as one request: each line ends in CRLF, then the blank line. */
    public void sendMessage(String lines) throws IOException {
        try {
            client.sendLines(lines);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The first line the PBX sent, judged as the banner; asking again gives it again. */
    public String banner(Duration timeout) {
        WireParser parser = new WireParser();
        Received first = client.awaitReceived(r -> true, timeout);
        byte[] bytes = first.wire().getBytes(StandardCharsets.UTF_8);
        if (!parser.feed(bytes, bytes.length).isEmpty() || parser.banner() == null) {
            throw new AssertionError("the PBX's first line is not a banner line: '" + first.wire() + "'");
        }
        return parser.banner();
    }

    /** The banner if one arrived, else null (read after {@link #awaitClosedByPeer}: every byte was read by then). */
    public String bannerIfAny() {
        List<Received> received = client.received();
        if (received.isEmpty()) {
            return null;
        }
        WireParser parser = new WireParser();
        byte[] bytes = received.get(0).wire().getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, bytes.length);
        return parser.banner();
    }

    /** The next answer (events are kept apart), or an assertion error naming what did (not) arrive. */
    public WireMessage nextResponse(Duration timeout) {
        if (answers.isEmpty()) {
            Received frame =
                    client.nextWhere(r -> !r.isBanner() && judge(r).stream().anyMatch(m -> !isEvent(m)), timeout);
            judge(frame).stream().filter(m -> !isEvent(m)).forEach(answers::add);
        }
        return answers.poll();
    }

    /** Waits for the first event, received so far or later, that {@code matches}. */
    public WireMessage awaitEvent(Predicate<WireMessage> matches, Duration timeout) {
        Received frame = client.awaitReceived(r -> !r.isBanner() && events(r).anyMatch(matches), timeout);
        return events(frame).filter(matches).findFirst().orElseThrow();
    }

    /** Every event received so far, oldest first. */
    public List<WireMessage> events() {
        List<WireMessage> events = new ArrayList<>();
        for (Received r : client.received()) {
            if (!r.isBanner()) {
                events(r).forEach(events::add);
            }
        }
        return events;
    }

    public boolean awaitClosedByPeer(Duration timeout) {
        return client.awaitClosedByPeer(timeout);
    }

    public boolean isClosedByPeer() {
        return client.isClosed();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static Stream<WireMessage> events(Received frame) {
        return judge(frame).stream().filter(WireView::isEvent);
    }

    /** The messages the suite's parser reads in one frame's bytes: one, unless the readings disagree. */
    private static List<WireMessage> judge(Received frame) {
        byte[] bytes = frame.wire().getBytes(StandardCharsets.UTF_8);
        return WireParser.afterBanner().feed(bytes, bytes.length);
    }

    private static boolean isEvent(WireMessage message) {
        return !message.lines().isEmpty() && message.lines().get(0)[0].equalsIgnoreCase("Event");
    }
}
