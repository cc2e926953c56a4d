package io.ucmkit.driver.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.ucmkit.driver.Barge;
import io.ucmkit.driver.CallPhone;
import io.ucmkit.driver.SystemAsset;
import io.ucmkit.driver.UcmDriver;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.util.concurrent.Queues;

/** The dataserver HTTP+JSON API of docs/driver.md §2 (default port 9689). */
final class DataServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataServer.class);
    /** Events buffered for one slow SSE client before it is disconnected (it can resume with Last-Event-ID). */
    static final int CLIENT_BUFFER = 4096;

    /** The OpenAPI document of this API, served at {@code /api/v1/openapi.yaml}. */
    static final String OPENAPI = "io/ucmkit/driver/service/openapi.yaml";

    private final UcmDriver driver;
    private final EventHistory history;
    private final ServiceMetrics metrics;
    private final Scheduler heartbeats;
    private final RouteTable routes;
    private final DisposableServer server;

    DataServer(
            UcmDriver driver,
            EventHistory history,
            String bind,
            int port,
            ServiceMetrics metrics,
            Scheduler heartbeats) {
        this.driver = driver;
        this.history = history;
        this.metrics = metrics;
        this.heartbeats = heartbeats;
        this.routes = new RouteTable(
                List.of(
                        Route.get("/api/v1/health", (req, res) -> health(res, "UP", "DOWN")),
                        Route.get("/api/v1/health/live", (req, res) -> Http.json(res, 200, Map.of("status", "UP"))),
                        Route.get("/api/v1/health/ready", (req, res) -> health(res, "READY", "NOT_READY")),
                        Route.get(
                                "/api/v1/asset",
                                (req, res) -> Http.json(res, 200, driver.asset().snapshot())),
                        Route.post(
                                "/api/v1/asset/commands",
                                List.of("command"),
                                (req, res, body) -> answer(res, 200, assetCommand(body))),
                        Route.post(
                                "/api/v1/asset/notes",
                                List.of("text", "author"),
                                (req, res, body) -> answer(
                                        res,
                                        201,
                                        Mono.just(driver.asset()
                                                .addNote(Http.text(body, "text"), Http.text(body, "author"))))),
                        Route.post(
                                "/api/v1/asset/workflow-trigger",
                                List.of("name", "parameters"),
                                (req, res, body) -> answer(res, 202, workflowTrigger(body))),
                        Route.post(
                                "/api/v1/commands/call-phone",
                                List.of("sourceExtension", "destinationExtension", "line1Text", "line2Text"),
                                (req, res, body) -> answer(res, 202, callPhone(body))),
                        Route.post(
                                "/api/v1/commands/barge",
                                List.of("sourceExtension", "destinationExtension"),
                                (req, res, body) -> answer(res, 202, barge(body))),
                        Route.get("/api/v1/events", this::events),
                        Route.get(
                                "/api/v1/openapi.yaml",
                                (req, res) -> res.header(
                                                HttpHeaderNames.CONTENT_TYPE, "application/yaml; charset=utf-8")
                                        .sendByteArray(Mono.fromCallable(DataServer::openApi))),
                        Route.get(
                                "/metrics",
                                (req, res) -> res.header(
                                                HttpHeaderNames.CONTENT_TYPE,
                                                "text/plain; version=0.0.4; charset=utf-8")
                                        .sendString(Mono.fromCallable(metrics::scrape)))),
                (route, status) -> metrics.httpRequest("dataserver", route, status));
        this.server = HttpServer.create()
                .host(bind)
                .port(port)
                .route(routes::register)
                .bindNow(Duration.ofSeconds(10));
        log.info("dataserver listening on http://{}:{}/api/v1", bind, server.port());
    }

    int port() {
        return server.port();
    }

    RouteTable routes() {
        return routes;
    }

    static byte[] openApi() throws java.io.IOException {
        try (var in = DataServer.class.getClassLoader().getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(OPENAPI);
            }
            return in.readAllBytes();
        }
    }

    /**
     * Health with the asset's state and reason; 200 {@code up} only while logged in and out of No Communication,
     * else 503 {@code down}, so a probe (Kubernetes, the demo, CI) waits for a driver that can take commands.
     */
    private Publisher<Void> health(HttpServerResponse res, String up, String down) {
        boolean ready = driver.isConnected() && driver.asset().trueState() != SystemAsset.TrueState.NO_COMMUNICATION;
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", ready ? up : down);
        h.put("connected", driver.isConnected());
        h.put("state", driver.asset().state());
        h.put("trueState", driver.asset().trueState().label());
        h.put("reason", driver.asset().reason());
        h.put("droppedEvents", driver.droppedEvents());
        return Http.json(res, ready ? 200 : 503, h);
    }

    private Publisher<Void> answer(HttpServerResponse res, int status, Mono<?> result) {
        return result.flatMap(r -> Mono.from(Http.json(res, status, r)));
    }

    private Mono<?> assetCommand(ObjectNode body) {
        String name = Http.text(body, "command");
        SystemAsset.Command command = SystemAsset.Command.parse(name);
        if (command == null) {
            throw new Http.Failure(
                    400,
                    "command must be one of Mask, Acknowledge, Reset, Cancel "
                            + "(New Note: POST /api/v1/asset/notes, Workflow Trigger: POST /api/v1/asset/workflow-trigger), was '"
                            + name + "'",
                    "command",
                    List.of("Mask", "Acknowledge", "Reset", "Cancel"));
        }
        return Mono.just(driver.asset().execute(command));
    }

    private Mono<?> workflowTrigger(ObjectNode body) {
        String name = Http.text(body, "name");
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode p = body.get("parameters");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new Http.Failure(400, "parameters must be a JSON object of strings", "parameters", null);
            }
            p.fields()
                    .forEachRemaining(e -> parameters.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
        }
        return Mono.just(Json.event(driver.asset().workflowTrigger(name, parameters)));
    }

    private Mono<?> callPhone(ObjectNode body) {
        CallPhone request = new CallPhone(
                Http.text(body, "sourceExtension"),
                Http.text(body, "destinationExtension"),
                Http.text(body, "line1Text"),
                Http.text(body, "line2Text"));
        return Mono.fromFuture(driver.callPhone(request)).map(id -> Map.of("callId", id));
    }

    private Mono<?> barge(ObjectNode body) {
        Barge request = new Barge(Http.text(body, "sourceExtension"), Http.text(body, "destinationExtension"));
        return Mono.fromFuture(driver.barge(request)).map(id -> Map.of("bargeId", id));
    }

    /**
     * SSE: the retained events after Last-Event-ID (header, or {@code ?lastEventId=}), then live ones. When the
     * history no longer reaches back to Last-Event-ID, a {@code HistoryGap} event comes first, so the client knows
     * events were lost instead of silently getting the oldest retained ones.
     */
    private Publisher<Void> events(HttpServerRequest req, HttpServerResponse res) {
        long lastId = parseLastId(req); // a bad one is a 400 (RouteTable answers what a handler throws)
        Sinks.Many<EventHistory.Entry> sink = Sinks.many()
                .unicast()
                .onBackpressureBuffer(
                        Queues.<EventHistory.Entry>get(CLIENT_BUFFER).get());
        Consumer<EventHistory.Entry> listener = e -> {
            Sinks.EmitResult r = sink.tryEmitNext(e);
            if (r == Sinks.EmitResult.FAIL_OVERFLOW) {
                log.warn(
                        "SSE client too slow ({} events buffered): disconnected; it can resume with Last-Event-ID",
                        CLIENT_BUFFER);
                sink.tryEmitError(new IllegalStateException("client too slow"));
            }
        };
        var backlog = history.subscribe(lastId, listener);
        if (backlog.gap() != null) {
            log.warn(
                    "SSE client resumed after event {} but history starts at {}: {} events it missed are gone",
                    backlog.gap().lastEventId(),
                    backlog.gap().firstRetainedId(),
                    backlog.gap().missed());
        }
        Flux<String> stream = Flux.concat(
                        Flux.just(": ucmkit driver events\n\n"),
                        Mono.justOrEmpty(backlog.gap()).map(EventHistory.Gap::sse),
                        Flux.fromIterable(backlog.entries()).map(EventHistory.Entry::sse),
                        sink.asFlux().map(EventHistory.Entry::sse))
                .doFinally(s -> history.unsubscribe(listener));
        return Sse.send(res, stream, heartbeats, metrics.sseClients("events"));
    }

    private static long parseLastId(HttpServerRequest req) {
        String v = req.requestHeaders().get("Last-Event-ID");
        if (v == null) {
            var q = new io.netty.handler.codec.http.QueryStringDecoder(req.uri())
                    .parameters()
                    .get("lastEventId");
            v = q == null || q.isEmpty() ? null : q.get(0);
        }
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new Http.Failure(400, "Last-Event-ID must be a number, was " + v, "Last-Event-ID", null);
        }
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
