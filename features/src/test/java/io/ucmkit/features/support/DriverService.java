package io.ucmkit.features.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ucmkit.driver.service.DriverMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The driver as a security platform runs it: the service ({@code ./ucmkit driver}) with its
 * dataserver API and debug tools on free ports, configured by a file, the password from the
 * environment. Scenarios act on it over HTTP exactly as an integration does and read its event
 * stream; one service per scenario, stopped after it.
 */
public final class DriverService {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer: status and JSON body. */
    public record Answer(int status, JsonNode body) {
        public String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final Pbx pbx;
    private final ObjectNode settings = JSON.createObjectNode();
    private String password;
    private NetworkLink link;
    private Path dataDir;
    private DriverMain.Running running;
    private SseStream events;
    private SseStream log;
    private final List<SseStream> extraStreams = new ArrayList<>();

    public DriverService(Pbx pbx) {
        this.pbx = pbx;
        // Quick reconnects keep the scenarios short; the defaults (500 ms .. 30 s) are the driver's own business.
        ObjectNode reconnect = settings.putObject("reconnect");
        reconnect.put("initialMs", 100).put("maxMs", 500).put("jitter", 0.2);
        // and after a refused login (the service's default waits 30 s, as a UCM may ban a retrying IP)
        settings.putObject("refusedLoginRetry")
                .put("initialMs", 100)
                .put("maxMs", 500)
                .put("jitter", 0.2);
        settings.put("actionTimeoutMs", 5_000);
    }

    /** Logs in as this AMI user with this password (the password reaches the service through UCMKIT_PASSWORD). */
    public DriverService as(String username, String secret) {
        settings.put("username", username);
        password = secret;
        return this;
    }

    /** Connects through a network link the scenario controls instead of straight to the PBX. */
    public DriverService through(NetworkLink networkLink) {
        link = networkLink;
        return this;
    }

    /** The keepalive: a Ping every {@code interval}, a missing Pong after {@code timeout} is a lost PBX. */
    public DriverService keepalive(Duration interval, Duration timeout) {
        settings.put("keepaliveIntervalMs", interval.toMillis()).put("keepaliveTimeoutMs", timeout.toMillis());
        return this;
    }

    /** Any other field of the service's configuration file. */
    public DriverService set(String field, String value) {
        settings.put(field, value);
        return this;
    }

    public void start() throws IOException {
        if (dataDir == null) {
            dataDir = Files.createTempDirectory("ucmkit-features-");
        }
        settings.put("address", pbx.target().host());
        settings.put("port", link != null ? link.port() : pbx.target().port());
        settings.put("dataserverPort", 0).put("debugPort", 0).put("dataDir", dataDir.toString());
        if (!settings.has("username")) {
            as(pbx.target().username(), pbx.target().password());
        }
        Path config = dataDir.resolve("driver.json");
        Files.writeString(config, settings.toPrettyString());
        DriverMain main = new DriverMain();
        new CommandLine(main).parseArgs("--config", config.toString());
        running = main.start(password);
        events = new SseStream(HTTP, uri("/api/v1/events", running.dataserverPort()));
        log = new SseStream(HTTP, uri("/logs", running.debugPort()));
    }

    public boolean isRunning() {
        return running != null;
    }

    /** Stops the service; its data directory (notes) stays for a restart. */
    public void stop() throws Exception {
        if (running != null) {
            events.close();
            log.close();
            extraStreams.forEach(SseStream::close);
            extraStreams.clear();
            running.close();
            running = null;
        }
    }

    public void restart() throws Exception {
        stop();
        start();
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path, running.dataserverPort())).GET());
    }

    public Answer post(String path, Map<String, ?> body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsString(body));
    }

    public Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path, running.dataserverPort()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        requireRunning();
        HttpResponse<String> response =
                HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    /** Every event the dataserver streamed so far ({@code GET /api/v1/events}), oldest first. */
    public List<JsonNode> events() {
        requireRunning();
        return events.records();
    }

    /** The id the event stream gave the first event of this type with these field values. */
    public long idOf(String type, Map<String, String> fields) {
        JsonNode event = awaitEvent(type, fields);
        return events.withIds().stream()
                .filter(r -> r.data().equals(event))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** A second client of the event stream that resumes after {@code lastEventId}; closed when the service stops. */
    public SseStream resumeEvents(long lastEventId) {
        requireRunning();
        SseStream resumed = new SseStream(HTTP, uri("/api/v1/events", running.dataserverPort()), lastEventId);
        extraStreams.add(resumed);
        return resumed;
    }

    /** The events of one type ({@code CallStatus}, {@code IvrResponse}, …) whose fields have these values. */
    public List<JsonNode> events(String type, Map<String, String> fields) {
        return events().stream()
                .filter(e -> type.equals(e.path("type").asText()))
                .filter(e -> fields.entrySet().stream()
                        .allMatch(f -> f.getValue().equals(e.path(f.getKey()).asText(null))))
                .toList();
    }

    /** Waits for the first event of this type with these field values and returns it. */
    public JsonNode awaitEvent(String type, Map<String, String> fields) {
        return await().atMost(pbx.answerTimeout())
                .until(() -> events(type, fields), found -> !found.isEmpty())
                .get(0);
    }

    /** Every record of the debug tools' live log ({@code GET /logs} on the debug port), oldest first. */
    public List<JsonNode> logRecords() {
        requireRunning();
        return log.records();
    }

    private void requireRunning() {
        if (running == null) {
            throw new IllegalStateException("the driver service is not running: start it in a Given step");
        }
    }

    private static URI uri(String path, int port) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
