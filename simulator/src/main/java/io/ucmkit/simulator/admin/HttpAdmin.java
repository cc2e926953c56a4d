package io.ucmkit.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The {@link Admin} of a simulator in another process (a container, the standalone jar), through
 * its HTTP control API: the same operations, the same records, the same {@link SimulatorException}
 * kinds (the API's 404, 409 and 400 come back as {@code UNKNOWN_EXTENSION},
 * {@code NOTHING_TO_ACT_ON} and {@code INVALID_VALUE}, with the API's message). The API masks
 * secrets, so {@link #amiUser} shows {@code ****}; saving a user with that secret keeps the saved
 * one. {@link #events} and the waits read the server-sent event stream {@code /api/v1/events}.
 * A control API that cannot be reached, or fails itself (a 500), raises
 * {@link UncheckedIOException} or {@link IllegalStateException}: that is not an answer to the
 * request. Thread-safe.
 *
 * <pre>{@code
 * Admin admin = HttpAdmin.connect(URI.create("http://127.0.0.1:8089"));
 * admin.setAnswerMode("1001", AnswerMode.MANUAL);
 * admin.dial("1000", "1001");
 * admin.awaitRinging("1001", Duration.ofSeconds(5));
 * admin.answer("1001");
 * }</pre>
 */
public final class HttpAdmin implements Admin {

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String BASE = "/api/v1";

    private final HttpClient http;
    private final URI base;

    private HttpAdmin(URI base) {
        this.base = base;
        // HTTP/1.1: no h2c upgrade on the long-lived event stream
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * The admin of the simulator whose control API is at {@code controlApi} ({@code http://host:port},
     * with or without {@code /api/v1}); fails at once, naming the address, when nothing answers there.
     */
    public static HttpAdmin connect(URI controlApi) {
        String text = controlApi.toString().replaceAll("/+$", "");
        HttpAdmin admin = new HttpAdmin(URI.create(text.endsWith(BASE) ? text : text + BASE));
        admin.send("GET", "/health/live", null);
        return admin;
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return read(send("GET", "/extensions", null), new TypeReference<>() {});
    }

    @Override
    public ExtensionInfo extension(String ext) {
        return read(send("GET", extensionPath(ext), null), new TypeReference<>() {});
    }

    @Override
    public ExtensionInfo setPresence(String ext, PresenceStatus status, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.wire());
        if (text != null) {
            body.put("text", text);
        }
        return read(send("PUT", extensionPath(ext) + "/presence", body), new TypeReference<>() {});
    }

    @Override
    public ExtensionInfo setRegistered(String ext, boolean registered) {
        return read(
                send("PUT", extensionPath(ext) + "/registration", Map.of("registered", registered)),
                new TypeReference<>() {});
    }

    @Override
    public ExtensionInfo setAnswerMode(String ext, AnswerMode mode, Duration delay) {
        return read(
                send(
                        "PUT",
                        extensionPath(ext) + "/answer-mode",
                        Map.of("mode", mode.wire(), "delayMs", delay.toMillis())),
                new TypeReference<>() {});
    }

    @Override
    public List<WatcherKeyInfo> watchers() {
        return read(send("GET", "/watchers", null), new TypeReference<>() {});
    }

    @Override
    public void answer(String ext) {
        send("POST", extensionPath(ext) + "/answer", null);
    }

    @Override
    public void decline(String ext) {
        send("POST", extensionPath(ext) + "/decline", null);
    }

    @Override
    public void hangup(String ext) {
        send("POST", extensionPath(ext) + "/hangup", null);
    }

    @Override
    public void dial(String ext, String number) {
        send("POST", extensionPath(ext) + "/dial", singleField("number", number));
    }

    @Override
    public void dtmf(String ext, String digits) {
        send("POST", extensionPath(ext) + "/dtmf", singleField("digits", digits));
    }

    @Override
    public List<ChannelInfo> calls() {
        return read(send("GET", "/calls", null), new TypeReference<>() {});
    }

    @Override
    public List<AmiSessionInfo> amiSessions() {
        return read(send("GET", "/ami/sessions", null), new TypeReference<>() {});
    }

    @Override
    public Optional<AmiUserInfo> amiUser(String name) {
        Response r = exchange("GET", "/ami/users/" + segment(name), null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(r.orThrow(), new TypeReference<>() {}));
    }

    @Override
    public void saveAmiUser(AmiUserInfo user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("secret", user.secret());
        body.put("permit", user.permit());
        body.put("read", user.read());
        body.put("write", user.write());
        send("PUT", "/ami/users/" + segment(user.username()), body);
    }

    @Override
    public List<JournalEntry> journal() {
        return read(send("GET", "/journal", null), new TypeReference<>() {});
    }

    @Override
    public void clearJournal() {
        send("DELETE", "/journal", null);
    }

    @Override
    public void reset() {
        send("POST", "/reset", null);
    }

    /**
     * Opens the event stream and returns once the simulator has subscribed it (its first line has
     * come), so no event after this returns is missed; the listener runs on the HTTP client's thread.
     */
    @Override
    public Subscription events(Consumer<PbxEvent> listener) {
        EventStream stream = new EventStream(line -> listener.accept(read(line, new TypeReference<PbxEvent>() {})));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/events"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        CompletableFuture<HttpResponse<Void>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        response.whenComplete((r, e) -> stream.opened()
                .completeExceptionally(
                        e != null ? e : new IOException("the event stream ended (HTTP " + r.statusCode() + ")")));
        try {
            stream.opened().get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.close();
            throw new IllegalStateException("interrupted while opening " + base + "/events", e);
        } catch (ExecutionException | TimeoutException e) {
            stream.close();
            throw new UncheckedIOException(
                    "the event stream " + base + "/events did not open",
                    e.getCause() instanceof IOException io ? io : new IOException(e));
        }
        return stream;
    }

    private static Map<String, String> singleField(String name, String value) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put(name, value); // may be null: the API names the missing field
        return body;
    }

    private static String extensionPath(String ext) {
        return "/extensions/" + segment(ext);
    }

    /** A path segment: what the user typed, percent-encoded (a space as %20, not +). */
    private static String segment(String value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The body of a 200; any other answer raised as the admin's error. */
    private String send(String method, String path, Object body) {
        return exchange(method, path, body).orThrow();
    }

    private Response exchange(String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the control API " + base + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + base + path, e);
        }
    }

    /** One answer of the control API. */
    private record Response(String request, int status, String body) {

        /** The body of a 200; the error shape {@code {"error", …}} of anything else as an exception. */
        String orThrow() {
            if (status == 200) {
                return body;
            }
            String message = errorText();
            throw switch (status) {
                case 404 -> new SimulatorException(SimulatorException.Kind.UNKNOWN_EXTENSION, message);
                case 409 -> new SimulatorException(SimulatorException.Kind.NOTHING_TO_ACT_ON, message);
                case 400 -> new SimulatorException(SimulatorException.Kind.INVALID_VALUE, message);
                default -> new IllegalStateException(request + " answered " + status + ": " + message);
            };
        }

        private String errorText() {
            try {
                return JSON.readTree(body).path("error").asText(body);
            } catch (JsonProcessingException e) {
                return body;
            }
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unexpected JSON from the control API: " + json, e);
        }
    }
}
