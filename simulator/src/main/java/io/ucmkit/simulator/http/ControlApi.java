package io.ucmkit.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.AmiUserInfo;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.metrics.SimulatorMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP control API (SPEC §4) on reactor-netty, base {@code /api/v1}, JSON via Jackson; every
 * route is a thin call into an {@link Admin}, listed once in {@link #routes} (which the
 * OpenAPI document at {@code /api/v1/openapi.yaml} is checked against). Errors, all in the shape
 * {@code {"error", "field"?, "allowed"?}}: 400 naming the field, the value sent and what is
 * allowed (an unknown body field too); 404 for an unknown extension (before its body is looked at),
 * user or path; 405 with {@code Allow} for a wrong method; 409 when a phone has nothing to act on
 * (no ringing call to answer); 500 with an id, never the exception's text. The admin's
 * {@link SimulatorException.Kind} becomes its status here and nowhere else.
 */
public final class ControlApi implements AutoCloseable {

    private static final String BASE = "/api/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    // What each body field allows, repeated in its 400 so the caller need not look it up.
    private static final String PRESENCE = "available, away, chat, dnd, custom, unavailable";
    private static final String CUSTOM_TEXT = "1 to 64 characters (status custom only)";
    private static final String ANSWER_MODES = "manual, auto, decline, busy, no-answer";
    private static final String DELAY_MS = "a whole number of milliseconds 0..600000";
    private static final String NUMBER = "1 to 32 of 0-9, * and #";
    private static final String DIGITS = "1 to 32 of 0-9, *, # and A-D";
    private static final String SECRET = "1 to 64 characters without line breaks; \"****\" or none keeps the saved one";
    /** What a GET shows for a user's secret; sent back in a PUT, it keeps the saved secret. */
    private static final String SECRET_SHOWN = "****";

    private static final String PERMIT = "an array of ip/netmask such as 127.0.0.1/255.255.255.255";
    private static final String CLASSES = "an array of AMI classes such as call, system or all";
    /** The OpenAPI document of this API, served at {@code /api/v1/openapi.yaml}. */
    static final String OPENAPI = "io/ucmkit/simulator/http/openapi.yaml";
    /** A comment line on every event stream this often, so that proxies do not cut a quiet stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

    private final RouteTable routes;
    private final DisposableServer server;

    private ControlApi(RouteTable routes, DisposableServer server) {
        this.routes = routes;
        this.server = server;
    }

    /** A control API without metrics, readiness as liveness, heartbeats on Reactor's parallel scheduler. */
    public static ControlApi start(Admin admin, String host, int port) {
        return start(admin, host, port, new SimulatorMetrics(), () -> true, Schedulers.parallel());
    }

    /**
     * Starts the control API, the dashboard and {@code /metrics} on one port. {@code ready} answers the readiness
     * probe; {@code heartbeats} is the clock of the event streams' heartbeat (a test passes virtual time).
     */
    public static ControlApi start(
            Admin admin, String host, int port, SimulatorMetrics metrics, BooleanSupplier ready, Scheduler heartbeats) {
        RouteTable routes = new RouteTable(routes(admin, metrics, ready, heartbeats), metrics::httpRequest);
        try {
            return new ControlApi(
                    routes,
                    HttpServer.create()
                            .host(host)
                            .port(port)
                            .route(routes::register)
                            .bindNow());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "control API cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static List<Route> routes(
            Admin admin, SimulatorMetrics metrics, BooleanSupplier ready, Scheduler heartbeats) {
        return List.of(
                Route.of("GET", BASE + "/health", (q, s) -> health(s, ready.getAsBoolean(), "UP", "DOWN")),
                Route.of("GET", BASE + "/health/live", (q, s) -> send(s, 200, Map.of("status", "UP"))),
                Route.of(
                        "GET", BASE + "/health/ready", (q, s) -> health(s, ready.getAsBoolean(), "READY", "NOT_READY")),
                Route.of("GET", BASE + "/extensions", (q, s) -> json(s, () -> admin.extensions())),
                Route.of("GET", BASE + "/extensions/{ext}", (q, s) -> json(s, () -> admin.extension(q.param("ext")))),
                Route.withBody(
                        "PUT",
                        BASE + "/extensions/{ext}/presence",
                        List.of("status", "text"),
                        (q, s, body) -> extensionBody(q, s, admin, body, (ext, b) -> {
                            // each field's type before any value, in field order
                            String status = text(b, "status", PRESENCE);
                            String text = optionalText(b, "text", CUSTOM_TEXT);
                            return admin.setPresence(ext, presenceStatus(status), text);
                        })),
                Route.withBody(
                        "PUT",
                        BASE + "/extensions/{ext}/registration",
                        List.of("registered"),
                        (q, s, body) -> extensionBody(
                                q, s, admin, body, (ext, b) -> admin.setRegistered(ext, bool(b, "registered")))),
                Route.withBody(
                        "PUT",
                        BASE + "/extensions/{ext}/answer-mode",
                        List.of("mode", "delayMs"),
                        (q, s, body) -> extensionBody(q, s, admin, body, (ext, b) -> {
                            String mode = text(b, "mode", ANSWER_MODES);
                            int delayMs = delayMs(b);
                            return admin.setAnswerMode(ext, answerMode(mode), Duration.ofMillis(delayMs));
                        })),
                Route.of(
                        "POST",
                        BASE + "/extensions/{ext}/answer",
                        (q, s) -> phone(s, () -> admin.answer(q.param("ext")), admin)),
                Route.of(
                        "POST",
                        BASE + "/extensions/{ext}/decline",
                        (q, s) -> phone(s, () -> admin.decline(q.param("ext")), admin)),
                Route.of(
                        "POST",
                        BASE + "/extensions/{ext}/hangup",
                        (q, s) -> phone(s, () -> admin.hangup(q.param("ext")), admin)),
                Route.withBody(
                        "POST",
                        BASE + "/extensions/{ext}/dial",
                        List.of("number"),
                        (q, s, body) -> extensionBody(
                                q,
                                s,
                                admin,
                                body,
                                (ext, b) -> phoneResult(() -> admin.dial(ext, text(b, "number", NUMBER)), admin))),
                Route.withBody(
                        "POST",
                        BASE + "/extensions/{ext}/dtmf",
                        List.of("digits"),
                        (q, s, body) -> extensionBody(
                                q,
                                s,
                                admin,
                                body,
                                (ext, b) -> phoneResult(() -> admin.dtmf(ext, text(b, "digits", DIGITS)), admin))),
                Route.of("GET", BASE + "/calls", (q, s) -> json(s, admin::calls)),
                Route.of("GET", BASE + "/watchers", (q, s) -> json(s, admin::watchers)),
                Route.of("GET", BASE + "/ami/sessions", (q, s) -> json(s, admin::amiSessions)),
                Route.of("GET", BASE + "/ami/users/{name}", (q, s) -> amiUser(s, admin, q.param("name"))),
                Route.withBody(
                        "PUT",
                        BASE + "/ami/users/{name}",
                        List.of("username", "secret", "permit", "read", "write"),
                        (q, s, body) -> json(s, () -> {
                            String name = q.param("name");
                            JsonNode b = body.get();
                            String sentName = optionalText(b, "username", "the user's name as in the path");
                            if (sentName != null && !sentName.equalsIgnoreCase(name)) {
                                throw new BadRequest(
                                        "username: '" + sentName + "' is not the user of the path, '" + name
                                                + "' (a user is renamed by saving the new name and its secret)",
                                        "username",
                                        List.of(name));
                            }
                            AmiUserInfo u = new AmiUserInfo(
                                    name,
                                    secretToSave(b, admin, name),
                                    list(b, "permit", PERMIT),
                                    list(b, "read", CLASSES),
                                    list(b, "write", CLASSES));
                            admin.saveAmiUser(u);
                            return masked(u);
                        })),
                Route.of("GET", BASE + "/journal", (q, s) -> json(s, admin::journal)),
                Route.of(
                        "DELETE",
                        BASE + "/journal",
                        (q, s) -> json(s, () -> {
                            admin.clearJournal();
                            return Map.of("cleared", true);
                        })),
                Route.of(
                        "POST",
                        BASE + "/reset",
                        (q, s) -> json(s, () -> {
                            admin.reset();
                            return Map.of("reset", true);
                        })),
                Route.of("GET", BASE + "/events", (q, s) -> events(s, admin, metrics, heartbeats)),
                Route.of(
                        "GET",
                        BASE + "/openapi.yaml",
                        (q, s) -> s.header("Content-Type", "application/yaml; charset=utf-8")
                                .sendByteArray(Mono.fromCallable(ControlApi::openApi))),
                Route.of(
                        "GET",
                        "/metrics",
                        (q, s) -> s.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                                .sendString(Mono.fromCallable(metrics::scrape))));
    }

    public int port() {
        return server.port();
    }

    RouteTable routes() {
        return routes;
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    static byte[] openApi() throws java.io.IOException {
        try (var in = ControlApi.class.getClassLoader().getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new java.io.FileNotFoundException(OPENAPI);
            }
            return in.readAllBytes();
        }
    }

    private static Publisher<Void> health(HttpServerResponse s, boolean ready, String up, String down) {
        return send(s, ready ? 200 : 503, Map.of("status", ready ? up : down));
    }

    /**
     * The PBX's events as server-sent events: {@code id:} counts this stream's events from 1 (the simulator keeps
     * no history to resume from), {@code event: ami} names them all (the AMI event name is in the data, and one
     * name lets an EventSource listen to every event), and a comment heartbeat goes out every {@link #HEARTBEAT}.
     */
    private static Publisher<Void> events(
            HttpServerResponse s, Admin admin, SimulatorMetrics metrics, Scheduler heartbeats) {
        AtomicLong ids = new AtomicLong();
        Flux<String> events = Flux.<String>create(sink -> {
                    Admin.Subscription handle = admin.events(event ->
                            sink.next("id: " + ids.incrementAndGet() + "\nevent: ami\ndata: " + write(event) + "\n\n"));
                    sink.onDispose(() -> {
                        try {
                            handle.close();
                        } catch (RuntimeException e) {
                            LOG.warn("closing an event stream's subscription failed", e);
                        }
                    });
                })
                .onBackpressureBuffer(10_000);
        // merge subscribes in order: the PBX's events first, so the greeting tells a client (HttpAdmin waits for
        // it) that no event from then on is missed
        Flux<String> stream = Flux.merge(
                        events,
                        Flux.just(": ucmkit simulator events\n\n"),
                        Flux.interval(HEARTBEAT, HEARTBEAT, heartbeats).map(i -> ": heartbeat\n\n"))
                .doOnSubscribe(sub -> metrics.sseClients().incrementAndGet())
                .doFinally(signal -> metrics.sseClients().decrementAndGet());
        return s.sse().sendString(stream);
    }

    /**
     * The secret a PUT saves. A GET shows {@link #SECRET_SHOWN} in its place, and a client that
     * PUTs the object it got back (what a UI's Save does, and the UCM's own GUI when the password
     * is left alone) means "unchanged": so {@code ****}, like an absent secret, keeps the stored
     * one, and only a new user must name one.
     */
    private static String secretToSave(JsonNode body, Admin admin, String name) {
        String sent = optionalText(body, "secret", SECRET);
        if (sent != null && !sent.equals(SECRET_SHOWN)) {
            return sent;
        }
        return admin.amiUser(name)
                .map(AmiUserInfo::secret)
                .orElseThrow(() -> new BadRequest(
                        "secret is required for a new user ("
                                + (sent == null
                                        ? "none was sent"
                                        : "'" + SECRET_SHOWN + "' keeps an existing user's secret")
                                + "); allowed: " + SECRET,
                        "secret",
                        null));
    }

    private static Publisher<Void> amiUser(HttpServerResponse s, Admin admin, String name) {
        return admin.amiUser(name)
                .map(u -> send(s, 200, masked(u)))
                .orElseGet(() -> error(s, 404, "no AMI user " + name, null, null));
    }

    private static Map<String, Object> masked(AmiUserInfo u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("secret", SECRET_SHOWN);
        m.put("permit", u.permit());
        m.put("read", u.read());
        m.put("write", u.write());
        return m;
    }

    /** A required string field; a missing or non-string one names the field and what it allows. */
    private static String text(JsonNode body, String field, String allowed) {
        String v = optionalText(body, field, allowed);
        if (v == null) {
            throw new BadRequest(field + " is required; allowed: " + allowed, field, null);
        }
        return v;
    }

    /** A presence status in any case, as the UCM accepts it. */
    private static PresenceStatus presenceStatus(String status) {
        for (PresenceStatus p : PresenceStatus.values()) {
            if (p.wire().equals(status.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new BadRequest(
                "status: '" + status + "' is not one of available|away|chat|dnd|custom|unavailable", null, null);
    }

    private static AnswerMode answerMode(String mode) {
        for (AnswerMode m : AnswerMode.values()) {
            if (m.wire().equals(mode)) {
                return m;
            }
        }
        throw new BadRequest("mode: '" + mode + "' is not one of manual|auto|decline|busy|no-answer", null, null);
    }

    private static String optionalText(JsonNode body, String field, String allowed) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRequest(field + " must be a string; allowed: " + allowed, field, null);
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new BadRequest(field + " is required; allowed: true, false", field, List.of("true", "false"));
        }
        if (!v.isBoolean()) {
            throw new BadRequest(field + " must be a boolean; allowed: true, false", field, List.of("true", "false"));
        }
        return v.booleanValue();
    }

    /**
     * {@code delayMs}, 0 when absent. A value that is not a whole number is refused here, quoting
     * it as sent (JSON), rather than turned into a number the range check would report instead.
     */
    private static int delayMs(JsonNode body) {
        JsonNode v = body.get("delayMs");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadRequest("delayMs: " + v + " is not " + DELAY_MS, "delayMs", null);
        }
        return v.intValue();
    }

    private static List<String> list(JsonNode body, String field, String allowed) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new BadRequest(field + " is required; allowed: " + allowed, field, null);
        }
        if (!v.isArray()) {
            throw new BadRequest(field + " must be an array of strings; allowed: " + allowed, field, null);
        }
        List<String> out = new java.util.ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * A body for a route under {@code /extensions/{ext}}: an unknown extension is 404 before the
     * body is parsed or checked, so a bad body on a missing extension is not mistaken for a 400.
     */
    private static Publisher<Void> extensionBody(
            HttpServerRequest q,
            HttpServerResponse s,
            Admin admin,
            Route.Body body,
            BiFunction<String, JsonNode, Object> action) {
        String ext = q.param("ext");
        return json(s, () -> {
            admin.extension(ext);
            return action.apply(ext, body.get());
        });
    }

    private static Publisher<Void> json(HttpServerResponse s, java.util.function.Supplier<Object> action) {
        Object result;
        try {
            result = action.get();
        } catch (SimulatorException e) {
            return error(s, status(e.kind()), e.getMessage(), null, null);
        } catch (BadRequest e) {
            return error(s, 400, e.getMessage(), e.field, e.allowed);
        } catch (RuntimeException e) {
            return internalError(s, e);
        }
        return send(s, 200, result);
    }

    /** The one place where an admin error becomes an HTTP status. */
    static int status(SimulatorException.Kind kind) {
        return switch (kind) {
            case UNKNOWN_EXTENSION -> 404;
            case NOTHING_TO_ACT_ON -> 409;
            case INVALID_VALUE -> 400;
        };
    }

    /** A phone action; answers with the live calls after it (so a client sees the effect at once). */
    private static Publisher<Void> phone(HttpServerResponse s, Runnable action, Admin admin) {
        return json(s, () -> phoneResult(action, admin));
    }

    private static Object phoneResult(Runnable action, Admin admin) {
        action.run();
        return admin.calls();
    }

    /**
     * The one error shape of the web port: {@code {"error": message, "field"?: name, "allowed"?: [values]}}.
     */
    static Publisher<Void> error(HttpServerResponse s, int status, String message, String field, List<String> allowed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message == null ? "error" : message);
        if (field != null) {
            body.put("field", field);
        }
        if (allowed != null) {
            body.put("allowed", allowed);
        }
        return send(s, status, body);
    }

    /** 500 without the exception's text (it may hold anything); the log has it under the same id. */
    static Publisher<Void> internalError(HttpServerResponse s, Throwable e) {
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.error("internal error {} answering an HTTP request", id, e);
        return error(s, 500, "internal error " + id + " (the simulator log has the details)", null, null);
    }

    private static Publisher<Void> send(HttpServerResponse s, int status, Object body) {
        return s.status(status).header("Content-Type", "application/json").sendString(Mono.just(write(body)));
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
