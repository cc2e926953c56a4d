package io.ucmkit.features.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A server-sent-events stream read as an integration reads it: each {@code data:} line is one JSON
 * record, collected in arrival order. It connects with {@code Last-Event-ID: 0}, so the service
 * first replays every event it retained and a scenario that subscribes right after the start
 * misses nothing.
 */
public final class SseStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> records = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseStream(HttpClient http, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "0").GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            Thread reader = new Thread(() -> read(r.body()), "sse-" + uri.getPath());
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read(Stream<String> lines) {
        try (lines) {
            lines.filter(line -> line.startsWith("data:")).forEach(line -> records.add(parse(line.substring(5).strip())));
        } catch (UncheckedIOException e) {
            // the service stopped and closed the stream
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON on the event stream: " + json, e);
        }
    }

    /** Every record received so far, oldest first. */
    public List<JsonNode> records() {
        return List.copyOf(records);
    }

    /** Stops waiting for the stream to open; an open stream ends when the service closes it. */
    @Override
    public void close() {
        response.cancel(true);
    }
}
