package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ucmkit.driver.ScriptedAmiPeer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataserver and debug tools over HTTP, with the driver connected to a scripted AMI peer. */
class ServiceIT {

    @TempDir
    Path dataDir;

    private ScriptedAmiPeer peer;
    private DriverMain.Running service;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<CompletableFuture<?>> streams = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        peer = new ScriptedAmiPeer();
        DriverMain main = new DriverMain();
        // A history of 5 events: small enough for a test to outrun it (HistoryGap).
        main.config = java.nio.file.Files.writeString(dataDir.resolve("driver.yaml"), "eventHistory: 5\n");
        main.address = "127.0.0.1";
        main.port = peer.port();
        main.username = "admin";
        main.dataserverPort = 0;
        main.debugPort = 0;
        main.dataDir = dataDir;
        service = main.start("secret1");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.driver().isConnected()
                        && service.driver().asset().state().equals("Normal"));
    }

    @AfterEach
    void stop() throws Exception {
        streams.forEach(f -> f.cancel(true));
        service.close();
        peer.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + service.dataserverPort() + path;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    private List<String> stream(String uri, String lastEventId) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        streams.add(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    lines.add("status " + r.statusCode());
                    try (Stream<String> s = r.body()) {
                        s.forEach(lines::add);
                    }
                }));
        return lines;
    }

    /** One server-sent event: its id (null when it has none), name and JSON data. */
    private record Sse(String id, String event, JsonNode data) {}

    private static List<Sse> events(List<String> lines) throws IOException {
        List<Sse> out = new java.util.ArrayList<>();
        String id = null;
        String event = null;
        for (String l : List.copyOf(lines)) {
            if (l.startsWith("id: ")) {
                id = l.substring(4);
            } else if (l.startsWith("event: ")) {
                event = l.substring(7);
            } else if (l.startsWith("data: ")) {
                out.add(new Sse(id, event, Json.MAPPER.readTree(l.substring(6))));
                id = null;
                event = null;
            }
        }
        return out;
    }

    @Test
    void healthAndAssetShowTheConnectedNormalState() throws Exception {
        JsonNode health = json(get("/api/v1/health"));
        JsonNode asset = json(get("/api/v1/asset"));

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("connected").asBoolean()).isTrue();
        assertThat(asset.get("state").asText()).isEqualTo("Normal");
        assertThat(asset.get("trueState").asText()).isEqualTo("Normal");
        assertThat(asset.get("selected").asBoolean()).isFalse();
        assertThat(asset.get("notes").isArray()).isTrue();
    }

    @Test
    void assetCommandsAnswerTheAssetOr409WhenTheyDoNotApply() throws Exception {
        assertThat(post("/api/v1/asset/commands", "{\"command\":\"Acknowledge\"}")
                        .statusCode())
                .isEqualTo(409);

        HttpResponse<String> mask = post("/api/v1/asset/commands", "{\"command\":\"Mask\"}");
        assertThat(mask.statusCode()).isEqualTo(200);
        assertThat(json(mask).get("state").asText()).isEqualTo("Masked");
        assertThat(json(mask).get("selected").asBoolean()).isTrue();
        assertThat(post("/api/v1/asset/commands", "{\"command\":\"Mask\"}").statusCode())
                .isEqualTo(409);

        HttpResponse<String> reset = post("/api/v1/asset/commands", "{\"command\":\"Reset\"}");
        assertThat(json(reset).get("state").asText()).isEqualTo("Normal");
        HttpResponse<String> cancel = post("/api/v1/asset/commands", "{\"command\":\"Cancel\"}");
        assertThat(json(cancel).get("selected").asBoolean()).isFalse();

        HttpResponse<String> unknown = post("/api/v1/asset/commands", "{\"command\":\"Explode\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asText())
                .startsWith("command must be one of Mask, Acknowledge, Reset, Cancel");
    }

    @Test
    void aNoteIsStoredAndShownOnTheAsset() throws Exception {
        HttpResponse<String> r = post("/api/v1/asset/notes", "{\"text\":\"Checked the PBX\",\"author\":\"alice\"}");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(get("/api/v1/asset")).get("notes").get(0).get("author").asText())
                .isEqualTo("alice");
        assertThat(dataDir.resolve("notes.jsonl")).content().contains("Checked the PBX");
        assertThat(post("/api/v1/asset/notes", "{\"text\":\"x\"}").body()).contains("author is required");
    }

    @Test
    void callPhoneAnswers202WithACallIdAnd400NamingAMissingField() throws Exception {
        HttpResponse<String> ok = post(
                "/api/v1/commands/call-phone",
                "{\"sourceExtension\":\"1000\","
                        + "\"destinationExtension\":\"1001\",\"line1Text\":\"Door 3\",\"line2Text\":\"Alarm\"}");
        HttpResponse<String> missing = post(
                "/api/v1/commands/call-phone",
                "{\"sourceExtension\":\"1000\"," + "\"destinationExtension\":\"1001\",\"line1Text\":\"Door 3\"}");
        HttpResponse<String> badJson = post("/api/v1/commands/call-phone", "{\"sourceExtension\":");
        HttpResponse<String> unknown = post(
                "/api/v1/commands/call-phone",
                "{\"sourceExtension\":\"1000\","
                        + "\"destinationExtension\":\"4321\",\"line1Text\":\"a\",\"line2Text\":\"b\"}");

        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(json(ok).get("callId").asText()).isNotBlank();
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").asText()).isEqualTo("line2Text is required");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json(badJson).get("error").asText()).startsWith("request body is not valid JSON (line 1, column");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(peer.received("Originate")).hasSize(1);
    }

    @Test
    void bargeOfAnIdleDestinationIs409() throws Exception {
        HttpResponse<String> r =
                post("/api/v1/commands/barge", "{\"sourceExtension\":\"1002\",\"destinationExtension\":\"1000\"}");

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").asText()).isEqualTo("destination 1000 is not in a call: nothing to barge into");
    }

    @Test
    void aCommandWhileNoCommunicationIs503WithTheReason() throws Exception {
        peer.close();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.driver().asset().state().equals("No Communication"));

        HttpResponse<String> r = post(
                "/api/v1/commands/call-phone",
                "{\"sourceExtension\":\"1000\","
                        + "\"destinationExtension\":\"1001\",\"line1Text\":\"a\",\"line2Text\":\"b\"}");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).get("error").asText()).contains("not connected to the PBX (No Communication: ");
    }

    @Test
    void eventsAreServerSentWithIdsAndResumableWithLastEventId() throws Exception {
        List<String> live = stream(url("/api/v1/events"), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> live.contains("status 200"));
        post("/api/v1/asset/workflow-trigger", "{\"name\":\"first\",\"parameters\":{\"zone\":\"A\"}}");
        post("/api/v1/asset/workflow-trigger", "{\"name\":\"second\"}");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> live.stream().filter(l -> l.startsWith("data:")).count() >= 2);
        String firstId = live.stream()
                .filter(l -> l.startsWith("id: "))
                .findFirst()
                .orElseThrow()
                .substring(4);
        assertThat(live).contains("event: WorkflowTrigger");
        assertThat(live.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow())
                .contains("\"name\":\"first\"")
                .contains("\"zone\":\"A\"");

        List<String> resumed = stream(url("/api/v1/events"), firstId);
        await().atMost(Duration.ofSeconds(5)).until(() -> resumed.stream().anyMatch(l -> l.contains("\"second\"")));
        assertThat(resumed).noneMatch(l -> l.contains("\"first\"")).noneMatch(l -> l.contains("HistoryGap"));
    }

    @Test
    void resumingFromAnEventNoLongerRetainedStartsWithAHistoryGapSayingHowManyAreGone() throws Exception {
        List<String> live = stream(url("/api/v1/events"), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> live.contains("status 200"));
        for (int i = 0; i < 7; i++) {
            post("/api/v1/asset/workflow-trigger", "{\"name\":\"t" + i + "\"}");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events(live).size() == 7);
        List<Sse> sent = events(live);
        long t0 = Long.parseLong(sent.get(0).id());
        long t2 = Long.parseLong(sent.get(2).id()); // history holds 5: t2..t6

        List<String> resumed = stream(url("/api/v1/events"), Long.toString(t0));

        await().atMost(Duration.ofSeconds(5)).until(() -> events(resumed).size() == 6);
        List<Sse> got = events(resumed);
        assertThat(got.get(0).event()).isEqualTo("HistoryGap");
        assertThat(got.get(0).id()).isNull(); // not an entry: the client's Last-Event-ID stays t0
        assertThat(Json.write(got.get(0).data()))
                .isEqualTo("{\"type\":\"HistoryGap\",\"lastEventId\":" + t0 + ",\"firstRetainedId\":" + t2
                        + ",\"missed\":1}");
        assertThat(got.subList(1, 6))
                .extracting(e -> e.data().get("name").asText())
                .containsExactly("t2", "t3", "t4", "t5", "t6");
    }

    @Test
    void aCallPhoneThatEndedWhileDisconnectedIsStreamedAsCallStatusDeclinedUnknown() throws Exception {
        List<String> live = stream(url("/api/v1/events"), null);
        await().atMost(Duration.ofSeconds(5)).until(() -> live.contains("status 200"));
        String callId = json(post(
                        "/api/v1/commands/call-phone",
                        "{\"sourceExtension\":\"1000\","
                                + "\"destinationExtension\":\"1001\",\"line1Text\":\"Door 3\",\"line2Text\":\"Alarm\"}"))
                .get("callId")
                .asText();

        peer.dropConnections(); // the call ends unseen; after the reconnect CoreShowChannels lists no channel of it

        await().atMost(Duration.ofSeconds(10))
                .until(() -> events(live).stream().anyMatch(e -> "CallStatus".equals(e.event())));
        Sse status = events(live).stream()
                .filter(e -> "CallStatus".equals(e.event()))
                .findFirst()
                .orElseThrow();
        assertThat(status.id()).isNotNull();
        assertThat(status.data().get("type").asText()).isEqualTo("CallStatus");
        assertThat(status.data().get("extension").asText()).isEqualTo("1000");
        assertThat(status.data().get("status").asText()).isEqualTo("Declined");
        assertThat(status.data().get("reason").asText()).isEqualTo("unknown");
        assertThat(status.data().get("callId").asText()).isEqualTo(callId);
        assertThat(java.time.Instant.parse(status.data().get("time").asText())).isNotNull();
        assertThat(peer.received("Originate")).hasSize(1);
    }

    @Test
    void theDebugToolsStreamLogRecordsWithSecretsMaskedAndServeALogPage() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.debugPort() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("EventSource('/logs')");

        List<String> logs = stream("http://127.0.0.1:" + service.debugPort() + "/logs", null);
        org.slf4j.LoggerFactory.getLogger("test").warn("probe Secret: hunter2");

        await().atMost(Duration.ofSeconds(5)).until(() -> logs.stream().anyMatch(l -> l.contains("probe Secret")));
        assertThat(logs).noneMatch(l -> l.contains("hunter2"));
        int data = List.copyOf(logs)
                .indexOf(List.copyOf(logs).stream()
                        .filter(l -> l.contains("probe Secret"))
                        .findFirst()
                        .orElseThrow());
        assertThat(logs.get(data - 1)).isEqualTo("event: log");
        assertThat(logs.get(data - 2)).startsWith("id: ");
    }

    @Test
    void theDebugToolsAnswerAWrongMethodAndAnUnknownPathInTheErrorShape() throws Exception {
        String base = "http://127.0.0.1:" + service.debugPort();
        HttpResponse<String> wrong = http.send(
                HttpRequest.newBuilder(URI.create(base + "/logs"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create(base + "/nothing")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(wrong).get("error").asText()).isEqualTo("POST is not allowed on /logs; allowed: GET");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).startsWith("no route /nothing");
    }

    @Test
    void metricsOnTheDataserverMoveWithRequestsAndShowTheLoggedInSession() throws Exception {
        get("/api/v1/asset");
        get("/api/v1/asset");
        get("/api/v1/asset");

        String text = get("/metrics").body();

        assertThat(DataServerApiIT.value(
                        text,
                        "ucmkit_driver_http_requests_total{route=\"/api/v1/asset\","
                                + "server=\"dataserver\",status=\"200\"}"))
                .isEqualTo(3);
        assertThat(DataServerApiIT.value(text, "ucmkit_driver_ami_session")).isEqualTo(1);
        assertThat(DataServerApiIT.value(text, "ucmkit_driver_asset_state{state=\"Normal\"}"))
                .isEqualTo(1);
        assertThat(DataServerApiIT.value(text, "ucmkit_driver_asset_state{state=\"No Communication\"}"))
                .isZero();
    }
}
