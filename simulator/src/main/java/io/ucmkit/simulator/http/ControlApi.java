package io.ucmkit.simulator.http;

import static io.ucmkit.simulator.http.Responses.json;
import static io.ucmkit.simulator.http.Responses.send;

import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.metrics.SimulatorMetrics;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP control API (docs/control-api.md) on reactor-netty, base {@code /api/v1}, JSON via Jackson; every
 * route is a thin call into an {@link Admin}, listed once in {@link #routes} (which the
 * OpenAPI document at {@code /api/v1/openapi.yaml} is checked against). Errors, all in the shape
 * {@code {"error", "field"?, "allowed"?}}: 400 naming the field, the value sent and what is
 * allowed (an unknown body field too); 404 for an unknown extension (before its body is looked at),
 * user or path; 405 with {@code Allow} for a wrong method; 409 when a phone has nothing to act on
 * (no ringing call to answer); 500 with an id, never the exception's text. The admin's
 * {@link io.ucmkit.simulator.admin.SimulatorException.Kind} becomes its status in {@link Responses} and nowhere
 * else. This class starts the server and holds the routes of the simulator itself (health, journal, reset,
 * API description, metrics); {@link ExtensionRoutes}, {@link AmiUserRoutes} and {@link EventStreamRoute} hold
 * the rest.
 */
public final class ControlApi implements AutoCloseable {

    private static final String BASE = "/api/v1";
    /** The OpenAPI document of this API, served at {@code /api/v1/openapi.yaml}. */
    static final String OPENAPI = "io/ucmkit/simulator/http/openapi.yaml";

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
        List<Route> all = new ArrayList<>();
        all.add(Route.of("GET", BASE + "/health", (q, s) -> health(s, ready.getAsBoolean(), "UP", "DOWN")));
        all.add(Route.of("GET", BASE + "/health/live", (q, s) -> send(s, 200, Map.of("status", "UP"))));
        all.add(Route.of(
                "GET", BASE + "/health/ready", (q, s) -> health(s, ready.getAsBoolean(), "READY", "NOT_READY")));
        all.addAll(new ExtensionRoutes(admin).routes(BASE));
        all.addAll(new AmiUserRoutes(admin).routes(BASE));
        all.add(Route.of("GET", BASE + "/journal", (q, s) -> json(s, admin::journal)));
        all.add(Route.of(
                "DELETE",
                BASE + "/journal",
                (q, s) -> json(s, () -> {
                    admin.clearJournal();
                    return Map.of("cleared", true);
                })));
        all.add(Route.of(
                "POST",
                BASE + "/reset",
                (q, s) -> json(s, () -> {
                    admin.reset();
                    return Map.of("reset", true);
                })));
        all.add(new EventStreamRoute(admin, metrics, heartbeats).route(BASE));
        all.add(Route.of(
                "GET",
                BASE + "/openapi.yaml",
                (q, s) -> s.header("Content-Type", "application/yaml; charset=utf-8")
                        .sendByteArray(Mono.fromCallable(ControlApi::openApi))));
        all.add(Route.of(
                "GET",
                "/metrics",
                (q, s) -> s.header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .sendString(Mono.fromCallable(metrics::scrape))));
        return all;
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

    static byte[] openApi() throws IOException {
        try (var in = ControlApi.class.getClassLoader().getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new FileNotFoundException(OPENAPI);
            }
            return in.readAllBytes();
        }
    }

    private static Publisher<Void> health(HttpServerResponse s, boolean ready, String up, String down) {
        return send(s, ready ? 200 : 503, Map.of("status", ready ? up : down));
    }
}
