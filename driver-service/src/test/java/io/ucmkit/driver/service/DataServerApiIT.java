package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.ReconnectDelay;
import io.ucmkit.driver.ScriptedAmiPeer;
import io.ucmkit.driver.UcmDriver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The dataserver as a described, strict API: its OpenAPI document against its route table, unknown fields,
 * wrong methods and paths, validation before the 503, readiness, the SSE heartbeat on virtual time, metrics.
 * The driver starts pointed at a port nothing listens on (No Communication) until a test starts a peer there.
 */
class DataServerApiIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String CALL = "{\"sourceExtension\":\"1000\",\"destinationExtension\":\"1001\","
            + "\"line1Text\":\"Door 3\",\"line2Text\":\"Alarm\"}";

    @TempDir
    Path dataDir;

    private int amiPort;
    private ScriptedAmiPeer peer;
    private UcmDriver driver;
    private ServiceMetrics metrics;
    private VirtualTimeScheduler clock;
    private DataServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<CompletableFuture<?>> streams = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            amiPort = free.getLocalPort();
        }
        DriverConfig config = DriverConfig.builder()
                .address("127.0.0.1")
                .port(amiPort)
                .username("admin")
                .password("secret1")
                .reconnect(new ReconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100), 2, 0))
                .build();
        metrics = new ServiceMetrics();
        driver = UcmDriver.start(config, dataDir, java.time.Clock.systemUTC(), metrics);
        metrics.bind(driver);
        clock = VirtualTimeScheduler.create();
        server = new DataServer(driver, new EventHistory(100, 1), "127.0.0.1", 0, metrics, clock);
    }

    @AfterEach
    void stop() throws IOException {
        streams.forEach(f -> f.cancel(true));
        server.close();
        driver.close();
        clock.dispose();
        if (peer != null) {
            peer.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return Json.MAPPER.readTree(r.body());
    }

    private JsonNode openApi() throws IOException {
        return YAML.readTree(DataServer.openApi());
    }

    @Test
    void everyRouteIsInTheOpenApiDocumentAndTheReverse() throws Exception {
        JsonNode doc = openApi();
        Set<String> documented = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey())));
        Set<String> routed = new TreeSet<>();
        server.routes().routes().forEach(r -> routed.add(r.method() + " " + r.path()));

        assertThat(routed).isEqualTo(documented);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        // The served document is the resource the test read.
        HttpResponse<String> served = send("GET", "/api/v1/openapi.yaml", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(YAML.readTree(served.body())).isEqualTo(doc);
    }

    @Test
    void eachBodySchemaHasExactlyTheFieldsItsRouteAccepts() throws Exception {
        JsonNode doc = openApi();
        for (Route r : server.routes().routes()) {
            JsonNode body = doc.at("/paths/" + pointer(r.path()) + "/"
                    + r.method().toLowerCase(java.util.Locale.ROOT) + "/requestBody/content/application~1json/schema");
            if (!r.takesBody()) {
                assertThat(body.isMissingNode())
                        .as("%s %s has no body", r.method(), r.path())
                        .isTrue();
                continue;
            }
            JsonNode schema = resolve(doc, body);
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("%s %s", r.method(), r.path()).isEqualTo(new HashSet<>(r.bodyFields()));
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        }
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() throws Exception {
        JsonNode doc = openApi();
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        collectExamples(doc, doc, "", checked, failures);

        assertThat(failures).isEmpty();
        assertThat(checked).hasSizeGreaterThan(20);
        // A wrong example would be caught: the schema of the Error shape refuses a field it does not know.
        assertThat(schema(doc, YAML.readTree("{$ref: '#/components/schemas/Error'}"))
                        .validate(Json.MAPPER.readTree("{\"error\":\"x\",\"extra\":1}")))
                .isNotEmpty();
    }

    /** Walks the document: every {@code example} next to a {@code schema} is validated against it. */
    private void collectExamples(JsonNode doc, JsonNode node, String at, List<String> checked, List<String> failures) {
        if (node.isObject()) {
            if (node.has("schema") && node.has("example")) {
                var errors = schema(doc, node.get("schema")).validate(node.get("example"));
                checked.add(at);
                if (!errors.isEmpty()) {
                    failures.add(at + ": " + errors);
                }
            }
            node.fields()
                    .forEachRemaining(
                            e -> collectExamples(doc, e.getValue(), at + "/" + e.getKey(), checked, failures));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectExamples(doc, node.get(i), at + "/" + i, checked, failures);
            }
        }
    }

    /** A schema of the document with its {@code #/components/...} references resolvable (they point into the document). */
    private static Schema schema(JsonNode doc, JsonNode schema) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("allOf", Json.MAPPER.createArrayNode().add(schema));
        root.set("components", doc.get("components"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        return schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
    }

    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    @Test
    void anUnknownBodyFieldIs400NamingItAndTheAllowedOnes() throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/commands/call-phone", CALL.replace("}", ",\"foo\":1}"));

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = json(r);
        assertThat(e.get("field").asText()).isEqualTo("foo");
        assertThat(e.get("allowed"))
                .extracting(JsonNode::asText)
                .containsExactly("sourceExtension", "destinationExtension", "line1Text", "line2Text");
        assertThat(e.get("error").asText())
                .isEqualTo("unknown field 'foo'; allowed: sourceExtension, "
                        + "destinationExtension, line1Text, line2Text");
        assertThat(send("POST", "/api/v1/asset/notes", "{\"text\":\"t\",\"author\":\"a\",\"Text\":\"t\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aWrongMethodIs405WithAllowAndAnUnknownPathAJson404() throws Exception {
        HttpResponse<String> wrong = send("GET", "/api/v1/commands/call-phone", null);
        HttpResponse<String> put = send("PUT", "/api/v1/asset", "{}");
        HttpResponse<String> missing = send("GET", "/api/v1/nothing-here", null);

        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(wrong).get("error").asText())
                .isEqualTo("GET is not allowed on /api/v1/commands/call-phone; allowed: POST");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).startsWith("no route /api/v1/nothing-here");
    }

    @Test
    void aMalformedRequestIs400EvenWhileNotConnectedAndAGoodOne503() throws Exception {
        assertThat(driver.isConnected()).isFalse();

        HttpResponse<String> malformed = send("POST", "/api/v1/commands/call-phone", "{\"sourceExtension\":\"1000\"}");
        HttpResponse<String> badJson = send("POST", "/api/v1/commands/barge", "{");
        HttpResponse<String> good = send("POST", "/api/v1/commands/call-phone", CALL);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("field").asText()).isEqualTo("destinationExtension");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(json(badJson).get("error").asText())
                .doesNotContain("Exception")
                .doesNotContain("jackson");
        assertThat(good.statusCode()).isEqualTo(503);
        assertThat(schema(openApi(), YAML.readTree("{$ref: '#/components/schemas/Error'}"))
                        .validate(json(good)))
                .isEmpty();
    }

    @Test
    void readinessIs503WithTheReasonUntilLoggedInThen200() throws Exception {
        HttpResponse<String> before = send("GET", "/api/v1/health/ready", null);
        HttpResponse<String> legacyBefore = send("GET", "/api/v1/health", null);
        HttpResponse<String> live = send("GET", "/api/v1/health/live", null);

        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(json(before).get("status").asText()).isEqualTo("NOT_READY");
        assertThat(json(before).get("reason").asText())
                .isEqualTo(driver.asset().reason())
                .isNotBlank();
        assertThat(legacyBefore.statusCode()).isEqualTo(503);
        assertThat(json(legacyBefore).get("status").asText()).isEqualTo("DOWN");
        assertThat(live.statusCode()).isEqualTo(200);

        peer = new ScriptedAmiPeer(amiPort);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> send("GET", "/api/v1/health/ready", null).statusCode() == 200);
        JsonNode after = json(send("GET", "/api/v1/health/ready", null));
        assertThat(after.get("status").asText()).isEqualTo("READY");
        assertThat(after.get("connected").asBoolean()).isTrue();
        assertThat(json(send("GET", "/api/v1/health", null)).get("status").asText())
                .isEqualTo("UP");
        assertThat(schema(openApi(), YAML.readTree("{$ref: '#/components/schemas/Health'}"))
                        .validate(after))
                .isEmpty();
    }

    private List<String> stream(String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        streams.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    lines.add("status " + r.statusCode());
                    try (Stream<String> s = r.body()) {
                        s.forEach(lines::add);
                    }
                }));
        return lines;
    }

    @Test
    void theEventStreamSendsAHeartbeatCommentEvery15SecondsOfItsClock() {
        List<String> lines = stream("/api/v1/events");
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": ucmkit driver events"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> metrics.sseClients("events").get() == 1);

        clock.advanceTimeBy(Duration.ofSeconds(14));
        clock.advanceTimeBy(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": heartbeat"));
        // The stream is ordered: one sent before 15 s would have arrived before this one.
        assertThat(lines.stream().filter(": heartbeat"::equals)).hasSize(1);
        clock.advanceTimeBy(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lines.stream().filter(": heartbeat"::equals).count() == 2);
    }

    @Test
    void metricsCountRequestsSseClientsAndWhatTheDriverReports() throws Exception {
        String before = send("GET", "/metrics", null).body();
        send("GET", "/api/v1/asset", null);
        send("GET", "/api/v1/asset", null);
        metrics.login(io.ucmkit.driver.DriverObserver.LoginOutcome.REFUSED);
        List<String> lines = stream("/api/v1/events");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> metrics.sseClients("events").get() == 1);

        HttpResponse<String> after = send("GET", "/metrics", null);

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(
                        value(
                                before,
                                "ucmkit_driver_http_requests_total{route=\"/api/v1/asset\",server=\"dataserver\",status=\"200\"}"))
                .isEqualTo(-1);
        assertThat(
                        value(
                                after.body(),
                                "ucmkit_driver_http_requests_total{route=\"/api/v1/asset\",server=\"dataserver\",status=\"200\"}"))
                .isEqualTo(2);
        assertThat(value(after.body(), "ucmkit_driver_ami_logins_total{outcome=\"refused\"}"))
                .isEqualTo(1);
        assertThat(value(after.body(), "ucmkit_driver_sse_clients{stream=\"events\"}"))
                .isEqualTo(1);
        assertThat(value(after.body(), "ucmkit_driver_asset_state{state=\"No Communication\"}"))
                .isEqualTo(1);
        assertThat(value(after.body(), "ucmkit_driver_ami_session")).isEqualTo(0);
        assertThat(lines).contains("status 200");
    }

    /** The value of one series in a Prometheus text exposition, -1 when absent. */
    static double value(String exposition, String series) {
        for (Iterator<String> it = exposition.lines().iterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }
}
