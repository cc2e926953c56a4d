package io.ucmkit.features.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ucmkit.simulator.admin.ExtensionInfo;
import io.ucmkit.simulator.ami.Journal;
import io.ucmkit.simulator.call.Calls.ChannelView;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.pbx.WatcherKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@link UcmAdmin} on a separately started simulator, through its control API
 * ({@code http://host:8089/api/v1}): the phones and the web GUI as a person drives them. The
 * simulator's own JSON is read into its own records.
 */
final class ControlApiAdmin implements UcmAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final URI base;

    ControlApiAdmin(URI controlApi) {
        String text = controlApi.toString().replaceAll("/+$", "");
        this.base = URI.create(text.endsWith("/api/v1") ? text : text + "/api/v1");
    }

    @Override
    public ExtensionInfo extension(String ext) {
        return read(send("GET", "/extensions/" + ext, null), new TypeReference<>() {});
    }

    @Override
    public void setPresence(String ext, String status, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        if (text != null) {
            body.put("text", text);
        }
        send("PUT", "/extensions/" + ext + "/presence", body);
    }

    @Override
    public void setRegistered(String ext, boolean registered) {
        send("PUT", "/extensions/" + ext + "/registration", Map.of("registered", registered));
    }

    @Override
    public void setAnswerMode(String ext, String mode, int delayMs) {
        send("PUT", "/extensions/" + ext + "/answer-mode", Map.of("mode", mode, "delayMs", delayMs));
    }

    @Override
    public void answer(String ext) {
        send("POST", "/extensions/" + ext + "/answer", Map.of());
    }

    @Override
    public void decline(String ext) {
        send("POST", "/extensions/" + ext + "/decline", Map.of());
    }

    @Override
    public void hangup(String ext) {
        send("POST", "/extensions/" + ext + "/hangup", Map.of());
    }

    @Override
    public void dial(String ext, String number) {
        send("POST", "/extensions/" + ext + "/dial", Map.of("number", number));
    }

    @Override
    public void dtmf(String ext, String digits) {
        send("POST", "/extensions/" + ext + "/dtmf", Map.of("digits", digits));
    }

    @Override
    public List<ChannelView> calls() {
        return read(send("GET", "/calls", null), new TypeReference<>() {});
    }

    @Override
    public List<WatcherKey> watchers() {
        return read(send("GET", "/watchers", null), new TypeReference<>() {});
    }

    @Override
    public List<Journal.Entry> journal() {
        return read(send("GET", "/journal", null), new TypeReference<>() {});
    }

    @Override
    public Optional<AmiUserConfig> amiUser(String name) {
        try {
            // the API masks the secret: the suite only restores users whose secret it knows
            return Optional.of(read(send("GET", "/ami/users/" + name, null), new TypeReference<>() {}));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }

    @Override
    public void saveAmiUser(AmiUserConfig user) {
        send(
                "PUT",
                "/ami/users/" + user.username(),
                Map.of("secret", user.secret(), "permit", user.permit(), "read", user.read(), "write", user.write()));
    }

    @Override
    public void reset() {
        send("POST", "/reset", Map.of());
    }

    private String send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            String message = method + " " + path + ": " + error(response.body());
            throw switch (status) {
                case 400 -> new IllegalArgumentException(message);
                case 404 -> new NoSuchElementException(message);
                case 409 -> new IllegalStateException(message);
                default -> new IllegalStateException(status + " " + message);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("control API " + base + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String error(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("error").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected JSON from the control API: " + json, e);
        }
    }
}
