package io.ucmkit.features.phones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one connection to a baresip's ctrl_tcp (baresip 1.0 serves one client at a time):
 * commands {@code {"command", "params", "token"}} out, and on a reader thread of its own the
 * responses (matched to their command by token) and the events, handed to {@code onEvent}.
 */
final class CtrlTcp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Socket socket;
    private final OutputStream out;
    private final Consumer<JsonNode> onEvent;
    private final Consumer<Exception> onLost;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private volatile boolean closed;

    CtrlTcp(String name, Socket socket, Consumer<JsonNode> onEvent, Consumer<Exception> onLost) throws IOException {
        this.name = name;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.onEvent = onEvent;
        this.onLost = onLost;
        Thread reader = new Thread(this::read, "ctrl_tcp-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a command and waits for baresip's answer; a refusal ({@code ok: false}) is an IllegalStateException. */
    JsonNode command(String command, String params) {
        JsonNode response;
        try {
            response = send(command, params).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    name + ": no answer to '" + command + "' from baresip within " + COMMAND_TIMEOUT.toSeconds() + " s",
                    e);
        }
        if (!response.path("ok").asBoolean()) {
            throw new IllegalStateException(
                    name + ": baresip refused '" + command + (params == null ? "" : " " + params) + "': "
                            + response.path("data").asText());
        }
        return response;
    }

    /** Writes a command; its answer completes the future on the reader thread, which itself never waits for one. */
    CompletableFuture<JsonNode> send(String command, String params) {
        String token = Integer.toString(tokens.incrementAndGet());
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(token, answer);
        ObjectNode message = JSON.createObjectNode().put("command", command).put("token", token);
        if (params != null) {
            message.put("params", params);
        }
        try {
            synchronized (out) {
                out.write(Netstring.encode(message.toString()));
                out.flush();
            }
        } catch (IOException e) {
            pending.remove(token);
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private void read() {
        try (InputStream in = socket.getInputStream()) {
            while (true) {
                JsonNode message = JSON.readTree(Netstring.read(in));
                if (message.path("response").asBoolean()) {
                    CompletableFuture<JsonNode> answer =
                            pending.remove(message.path("token").asText());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if (message.path("event").asBoolean()) {
                    onEvent.accept(message);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                onLost.accept(e);
            }
        }
        pending.values().forEach(f -> f.completeExceptionally(new IOException("ctrl_tcp closed")));
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // the reader ends with the socket in any case
        }
    }
}
