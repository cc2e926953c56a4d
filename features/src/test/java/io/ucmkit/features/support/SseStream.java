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

    /** One event: its id (the {@code id:} line, or -1 without one) and its JSON data. */
    public record Record(long id, JsonNode data) {}

    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseStream(HttpClient http, URI uri) {
        this(http, uri, 0);
    }

    /** Resumes a stream after the event {@code lastEventId}, as a client that lost its connection does. */
    public SseStream(HttpClient http, URI uri, long lastEventId) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(lastEventId))
                .GET()
                .build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            Thread reader = new Thread(() -> read(r.body()), "sse-" + uri.getPath());
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read(Stream<String> lines) {
        long[] id = {-1};
        try (lines) {
            lines.forEach(line -> {
                if (line.startsWith("id:")) {
                    id[0] = Long.parseLong(line.substring(3).strip());
                } else if (line.startsWith("data:")) {
                    records.add(new Record(id[0], parse(line.substring(5).strip())));
                } else if (line.isEmpty()) {
                    id[0] = -1;
                }
            });
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

    /** The data of every event received so far, oldest first. */
    public List<JsonNode> records() {
        return records.stream().map(Record::data).toList();
    }

    /** Every event received so far with its id, oldest first. */
    public List<Record> withIds() {
        return List.copyOf(records);
    }

    /** Stops waiting for the stream to open; an open stream ends when the service closes it. */
    @Override
    public void close() {
        response.cancel(true);
    }
}
