package io.ucmkit.driver.service;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The routes of one HTTP server, in one list that both the server and the API-description test read. What
 * no route matches is answered here too: 405 with {@code Allow} when the path exists under another method,
 * else a JSON 404; both in the one error shape ({@link Http#error}).
 */
final class RouteTable {

    /** Told of every answered request (route template or "unmatched", status), for the metrics. */
    interface Listener {
        void answered(String route, int status);
    }

    private final List<Route> routes;
    private final Listener listener;

    RouteTable(List<Route> routes, Listener listener) {
        this.routes = List.copyOf(routes);
        this.listener = listener;
    }

    List<Route> routes() {
        return routes;
    }

    /** Registers every route, then the fallback for the rest. */
    void register(HttpServerRoutes r) {
        for (Route route : routes) {
            switch (route.method()) {
                case "GET" -> r.get(route.path(), (req, res) -> run(route, req, res));
                case "POST" -> r.post(route.path(), (req, res) -> run(route, req, res));
                case "PUT" -> r.put(route.path(), (req, res) -> run(route, req, res));
                case "DELETE" -> r.delete(route.path(), (req, res) -> run(route, req, res));
                default -> throw new IllegalArgumentException("unsupported method " + route.method());
            }
        }
        r.route(req -> true, this::unmatched);
    }

    private Publisher<Void> run(Route route, HttpServerRequest req, HttpServerResponse res) {
        Mono<Void> answer = route.takesBody()
                ? Http.body(req, route.bodyFields())
                        .flatMap(body -> Mono.from(route.handler().handle(req, res, body)))
                : Mono.defer(() -> Mono.from(route.handler().handle(req, res, null)));
        return counted(route.path(), res, answer.onErrorResume(e -> Mono.from(Http.error(res, e))));
    }

    private Publisher<Void> unmatched(HttpServerRequest req, HttpServerResponse res) {
        String path = new QueryStringDecoder(req.uri()).path();
        TreeSet<String> allow = new TreeSet<>();
        routes.stream().filter(r -> r.matchesPath(path)).forEach(r -> allow.add(r.method()));
        Http.Failure failure;
        if (allow.isEmpty()) {
            failure = new Http.Failure(404, "no route " + path + " (the API is described at /api/v1/openapi.yaml)");
        } else {
            res.header(HttpHeaderNames.ALLOW, String.join(", ", allow));
            failure = new Http.Failure(
                    405, req.method().name() + " is not allowed on " + path + "; allowed: " + String.join(", ", allow));
        }
        return counted("unmatched", res, Mono.from(Http.error(res, failure)));
    }

    private Publisher<Void> counted(String route, HttpServerResponse res, Mono<Void> answer) {
        Consumer<Object> done = s -> listener.answered(route, res.status().code());
        return answer.doFinally(done::accept);
    }
}
