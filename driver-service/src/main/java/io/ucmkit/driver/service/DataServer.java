package io.ucmkit.driver.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ucmkit.driver.Barge;
import io.ucmkit.driver.CallPhone;
import io.ucmkit.driver.DriverException;
import io.ucmkit.driver.SystemAsset;
import io.ucmkit.driver.UcmDriver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.util.concurrent.Queues;

/** The dataserver HTTP+JSON API of SPEC §5 (default port 9689). */
final class DataServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataServer.class);
    /** Events buffered for one slow SSE client before it is disconnected (it can resume with Last-Event-ID). */
    static final int CLIENT_BUFFER = 4096;

    private final UcmDriver driver;
    private final EventHistory history;
    private final DisposableServer server;

    DataServer(UcmDriver driver, EventHistory history, String bind, int port) {
        this.driver = driver;
        this.history = history;
        this.server = HttpServer.create().host(bind).port(port).route(r -> r
                .get("/api/v1/health", (req, res) -> Http.json(res, 200, health()))
                .get("/api/v1/asset", (req, res) -> Http.json(res, 200, driver.asset().snapshot()))
                .post("/api/v1/asset/commands", (req, res) -> handle(req, res, 200, this::assetCommand))
                .post("/api/v1/asset/notes", (req, res) -> handle(req, res, 201, body ->
                        Mono.just(driver.asset().addNote(Http.text(body, "text"), Http.text(body, "author")))))
                .post("/api/v1/asset/workflow-trigger", (req, res) -> handle(req, res, 202, this::workflowTrigger))
                .post("/api/v1/commands/call-phone", (req, res) -> handle(req, res, 202, this::callPhone))
                .post("/api/v1/commands/barge", (req, res) -> handle(req, res, 202, this::barge))
                .get("/api/v1/events", this::events))
                .bindNow(Duration.ofSeconds(10));
        log.info("dataserver listening on http://{}:{}/api/v1", bind, server.port());
    }

    int port() {
        return server.port();
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "UP");
        h.put("connected", driver.isConnected());
        h.put("state", driver.asset().state());
        h.put("trueState", driver.asset().trueState().label());
        h.put("reason", driver.asset().reason());
        h.put("droppedEvents", driver.droppedEvents());
        return h;
    }

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res, int status,
                                   Function<ObjectNode, Mono<?>> action) {
        return Http.body(req).flatMap(action)
                .flatMap(result -> Mono.from(Http.json(res, status, result)))
                .onErrorResume(e -> Mono.from(Http.error(res, e)));
    }

    private Mono<?> assetCommand(ObjectNode body) {
        String name = Http.text(body, "command");
        SystemAsset.Command command = SystemAsset.Command.parse(name);
        if (command == null) {
            throw new Http.Failure(400, "command must be one of Mask, Acknowledge, Reset, Cancel "
                    + "(New Note: POST /api/v1/asset/notes, Workflow Trigger: POST /api/v1/asset/workflow-trigger), was '"
                    + name + "'");
        }
        return Mono.just(driver.asset().execute(command));
    }

    private Mono<?> workflowTrigger(ObjectNode body) {
        String name = Http.text(body, "name");
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode p = body.get("parameters");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new Http.Failure(400, "parameters must be a JSON object of strings");
            }
            p.fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().isTextual()
                    ? e.getValue().asText() : e.getValue().toString()));
        }
        return Mono.just(Json.event(driver.asset().workflowTrigger(name, parameters)));
    }

    private Mono<?> callPhone(ObjectNode body) {
        CallPhone request = new CallPhone(Http.text(body, "sourceExtension"), Http.text(body, "destinationExtension"),
                Http.text(body, "line1Text"), Http.text(body, "line2Text"));
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
        long lastId;
        try {
            lastId = parseLastId(req);
        } catch (DriverException e) {
            return Http.error(res, e);
        }
        Sinks.Many<EventHistory.Entry> sink = Sinks.many().unicast()
                .onBackpressureBuffer(Queues.<EventHistory.Entry>get(CLIENT_BUFFER).get());
        Consumer<EventHistory.Entry> listener = e -> {
            Sinks.EmitResult r = sink.tryEmitNext(e);
            if (r == Sinks.EmitResult.FAIL_OVERFLOW) {
                log.warn("SSE client too slow ({} events buffered): disconnected; it can resume with Last-Event-ID",
                        CLIENT_BUFFER);
                sink.tryEmitError(new IllegalStateException("client too slow"));
            }
        };
        var backlog = history.subscribe(lastId, listener);
        if (backlog.gap() != null) {
            log.warn("SSE client resumed after event {} but history starts at {}: {} events it missed are gone",
                    backlog.gap().lastEventId(), backlog.gap().firstRetainedId(), backlog.gap().missed());
        }
        Flux<String> stream = Flux.concat(Flux.just(": ucmkit driver events\n\n"),
                        Mono.justOrEmpty(backlog.gap()).map(EventHistory.Gap::sse),
                        Flux.fromIterable(backlog.entries()).map(EventHistory.Entry::sse),
                        sink.asFlux().map(EventHistory.Entry::sse))
                .doFinally(s -> history.unsubscribe(listener));
        return res.sse().send(stream.map(s -> res.alloc().buffer().writeBytes(s.getBytes(StandardCharsets.UTF_8))),
                b -> true);
    }

    private static long parseLastId(HttpServerRequest req) {
        String v = req.requestHeaders().get("Last-Event-ID");
        if (v == null) {
            var q = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("lastEventId");
            v = q == null || q.isEmpty() ? null : q.get(0);
        }
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new DriverException(DriverException.Kind.INVALID_REQUEST, "Last-Event-ID must be a number, was " + v);
        }
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
