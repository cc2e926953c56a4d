package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A plain-socket AMI client for scenario tests: writes actions, reads whole messages (blocking
 * reads with a socket timeout — no sleeps) and keeps every message it read, in order.
 */
final class AmiTestClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    final String banner;
    /** Every message read so far, responses and events, in wire order. */
    final List<AmiMessage> received = new ArrayList<>();

    AmiTestClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            banner = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTestClient loggedIn(int port, String user, String secret) {
        AmiTestClient c = new AmiTestClient(port);
        AmiMessage r = c.action("Action", "Login", "ActionID", "login-1", "Username", user, "Secret", secret);
        if (!"Success".equals(r.get("Response"))) {
            throw new IllegalStateException("login failed: " + r);
        }
        return c;
    }

    void send(String... namesAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            b.append(namesAndValues[i])
                    .append(": ")
                    .append(namesAndValues[i + 1])
                    .append("\r\n");
        }
        b.append("\r\n");
        try {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends an action and returns its response (the first message with Response and its ActionID). */
    AmiMessage action(String... namesAndValues) {
        send(namesAndValues);
        String id = AmiMessage.of(namesAndValues).actionId();
        return until(m -> m.isResponse() && !m.isEvent() && (id == null || id.equals(m.actionId())));
    }

    /** Reads until a message matches; returns it (all messages read stay in {@link #received}). */
    AmiMessage until(Predicate<AmiMessage> done) {
        while (true) {
            AmiMessage m = next();
            if (done.test(m)) {
                return m;
            }
        }
    }

    /** Reads messages until one matches; returns all read by this call, the match included. */
    List<AmiMessage> readUntil(Predicate<AmiMessage> done) {
        int from = received.size();
        until(done);
        return List.copyOf(received.subList(from, received.size()));
    }

    AmiMessage next() {
        try {
            AmiMessage.Builder b = AmiMessage.builder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (b.size() == 0) {
                        continue;
                    }
                    AmiMessage m = b.build();
                    received.add(m);
                    return m;
                }
                int colon = line.indexOf(':');
                String value = line.substring(colon + 1);
                b.add(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value);
            }
            throw new IllegalStateException("connection closed; read so far: " + received);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no message within 5 s; read so far: " + lines(received), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(List<AmiMessage> messages) {
        List<String> out = new ArrayList<>();
        for (AmiMessage m : messages) {
            out.add(m.isEvent() ? EventLog.line(m) : "Response " + m.get("Response") + " " + m.get("Message"));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
