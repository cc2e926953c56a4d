package io.ucmkit.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.metrics.SimulatorMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The control API as a described, strict API: the OpenAPI document against the route table, unknown body
 * fields, wrong methods and paths, readiness, the SSE stream's names and heartbeat on virtual time.
 */
class ControlApiContractIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<CompletableFuture<?>> streams = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private UcmSimulator sim;
    private SimulatorMetrics metrics;
    private VirtualTimeScheduler clock;
    private ControlApi api;

    @BeforeEach
    void start() {
        sim = UcmSimulator.builder().amiPort(0).authFailureDelay(Duration.ZERO).start();
        metrics = new SimulatorMetrics();
        clock = VirtualTimeScheduler.create();
        api = ControlApi.start(sim.admin(), "127.0.0.1", 0, metrics, ready::get, clock);
    }

    @AfterEach
    void stop() {
        streams.forEach(f -> f.cancel(true));
        api.close();
        sim.close();
        clock.dispose();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(Duration.ofSeconds(5));
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(r.body());
    }

    private static JsonNode openApi() throws IOException {
        return YAML.readTree(ControlApi.openApi());
    }

    @Test
    void every_route_is_in_the_openapi_document_and_the_reverse() throws Exception {
        JsonNode doc = openApi();
        Set<String> documented = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
                    if (METHODS.contains(m)) {
                        documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                    }
                }));
        Set<String> routed = new TreeSet<>();
        api.routes().routes().forEach(r -> routed.add(r.method() + " " + r.path()));

        assertThat(routed).isEqualTo(documented);
        HttpResponse<String> served = call("GET", "/api/v1/openapi.yaml", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(YAML.readTree(served.body())).isEqualTo(doc);
    }

    @Test
    void each_body_schema_has_exactly_the_fields_its_route_accepts() throws Exception {
        JsonNode doc = openApi();
        for (Route r : api.routes().routes()) {
            JsonNode body = doc.at("/paths/" + r.path().replace("~", "~0").replace("/", "~1") + "/"
                    + r.method().toLowerCase(Locale.ROOT) + "/requestBody/content/application~1json/schema");
            if (!r.takesBody()) {
                assertThat(body.isMissingNode())
                        .as("%s %s has no body", r.method(), r.path())
                        .isTrue();
                continue;
            }
            JsonNode schema = doc.at(body.get("$ref").asText().substring(1));
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("%s %s", r.method(), r.path()).isEqualTo(new HashSet<>(r.bodyFields()));
            assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        }
    }

    @Test
    void every_example_validates_against_its_schema() throws Exception {
        JsonNode doc = openApi();
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        examples(doc, doc, "", checked, failures);

        assertThat(failures).isEmpty();
        assertThat(checked).hasSizeGreaterThan(20);
        assertThat(schema(doc, "Presence").validate(JSON.readTree("{\"status\":\"asleep\"}")))
                .isNotEmpty();
    }

    private static void examples(JsonNode doc, JsonNode node, String at, List<String> checked, List<String> failures) {
        if (node.isObject()) {
            if (node.has("schema") && node.has("example")) {
                var errors = schema(doc, node.get("schema")).validate(node.get("example"));
                checked.add(at);
                if (!errors.isEmpty()) {
                    failures.add(at + ": " + errors);
                }
            }
            node.fields().forEachRemaining(e -> examples(doc, e.getValue(), at + "/" + e.getKey(), checked, failures));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                examples(doc, node.get(i), at + "/" + i, checked, failures);
            }
        }
    }

    private static Schema schema(JsonNode doc, String component) {
        return schema(doc, JSON.createObjectNode().put("$ref", "#/components/schemas/" + component));
    }

    /** A schema of the document, its {@code #/components/...} references resolving into the document. */
    private static Schema schema(JsonNode doc, JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("allOf", JSON.createArrayNode().add(schema));
        root.set("components", doc.get("components"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root);
    }

    @Test
    void an_unknown_body_field_is_400_naming_it_and_the_allowed_ones() throws Exception {
        HttpResponse<String> r = call("PUT", "/api/v1/extensions/1000/presence", "{\"status\":\"dnd\",\"foo\":1}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = json(r);
        assertThat(e.get("error").asText()).isEqualTo("unknown field 'foo'; allowed: status, text");
        assertThat(e.get("field").asText()).isEqualTo("foo");
        assertThat(e.get("allowed")).extracting(JsonNode::asText).containsExactly("status", "text");
        assertThat(sim.pbx().presence("1000").state()).isNotEqualTo("dnd");
        // An unknown extension is still a 404 before the body is looked at.
        assertThat(call("PUT", "/api/v1/extensions/4242/presence", "{\"foo\":1}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(schema(openApi(), "Error").validate(e)).isEmpty();
    }

    @Test
    void a_field_error_names_the_field_and_bad_json_shows_no_parser_text() throws Exception {
        JsonNode bool = json(call("PUT", "/api/v1/extensions/1000/registration", "{\"registered\":\"yes\"}"));
        JsonNode bad = json(call("PUT", "/api/v1/extensions/1000/registration", "{\"registered\":"));

        assertThat(bool.get("field").asText()).isEqualTo("registered");
        assertThat(bool.get("allowed")).extracting(JsonNode::asText).containsExactly("true", "false");
        assertThat(bad.get("error").asText())
                .startsWith("body: invalid JSON (line 1, column")
                .doesNotContain("Exception");
    }

    @Test
    void a_wrong_method_is_405_with_allow_and_an_unknown_path_a_json_404() throws Exception {
        HttpResponse<String> wrong = call("DELETE", "/api/v1/extensions/1000", null);
        HttpResponse<String> journal = call("PUT", "/api/v1/journal", "{}");
        HttpResponse<String> page = call("POST", "/index.html", "{}");
        HttpResponse<String> missing = call("GET", "/api/v1/nothing", null);
        HttpResponse<String> noPage = call("GET", "/nothing.js", null);

        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET");
        assertThat(json(wrong).get("error").asText())
                .isEqualTo("DELETE is not allowed on /api/v1/extensions/1000; allowed: GET");
        assertThat(journal.statusCode()).isEqualTo(405);
        assertThat(journal.headers().firstValue("Allow")).hasValue("DELETE, GET");
        assertThat(page.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Allow")).hasValue("GET");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).startsWith("no route /api/v1/nothing");
        assertThat(noPage.statusCode()).isEqualTo(404);
        assertThat(json(noPage).get("error").asText()).isEqualTo("no dashboard page /nothing.js");
    }

    @Test
    void liveness_and_readiness_are_separate() throws Exception {
        assertThat(call("GET", "/api/v1/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(json(call("GET", "/api/v1/health/ready", null)).get("status").asText())
                .isEqualTo("READY");

        ready.set(false);

        assertThat(call("GET", "/api/v1/health/ready", null).statusCode()).isEqualTo(503);
        assertThat(json(call("GET", "/api/v1/health/ready", null)).get("status").asText())
                .isEqualTo("NOT_READY");
        assertThat(call("GET", "/api/v1/health", null).statusCode()).isEqualTo(503);
        assertThat(call("GET", "/api/v1/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_closing_simulator_is_not_ready() {
        UcmSimulator other = UcmSimulator.builder().amiPort(0).start();
        assertThat(other.ready()).isTrue();
        other.close();
        assertThat(other.ready()).isFalse();
    }

    private List<String> stream(String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        streams.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(r -> {
                    try (Stream<String> s = r.body()) {
                        s.forEach(lines::add);
                    }
                }));
        return lines;
    }

    @Test
    void events_carry_id_and_event_lines_and_a_heartbeat_every_15_seconds_of_its_clock() {
        List<String> lines = stream("/api/v1/events");
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": ucmkit simulator events"));
        await().atMost(Duration.ofSeconds(5)).until(() -> metrics.sseClients().get() == 1);

        sim.admin().setPresence("1001", PresenceStatus.DND);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data: ")));
        int data = indexOf(lines, "data: ");
        assertThat(lines.get(data - 2)).isEqualTo("id: 1");
        assertThat(lines.get(data - 1)).isEqualTo("event: ami");
        assertThat(lines).doesNotContain(": heartbeat");

        clock.advanceTimeBy(Duration.ofSeconds(14));
        clock.advanceTimeBy(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(": heartbeat"));
        // The stream is ordered: one sent before 15 s would have arrived before this one.
        assertThat(lines.stream().filter(": heartbeat"::equals)).hasSize(1);
        clock.advanceTimeBy(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lines.stream().filter(": heartbeat"::equals).count() == 2);
    }

    private static int indexOf(List<String> lines, String prefix) {
        List<String> copy = List.copyOf(lines);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
