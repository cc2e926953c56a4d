package io.ucmkit.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The control API's routes, in one list that the server and the API-description test both read, then the
 * dashboard (every other GET outside {@code /api/}), then what nothing matched: 405 with {@code Allow} for a
 * path that exists under another method, else a JSON 404, both in the error shape of {@link ControlApi}.
 */
final class RouteTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Route> routes;
    private final BiConsumer<String, Integer> answered;

    /** {@code answered} is told of every request: its route template (or "unmatched"/"dashboard") and status. */
    RouteTable(List<Route> routes, BiConsumer<String, Integer> answered) {
        this.routes = List.copyOf(routes);
        this.answered = answered;
    }

    List<Route> routes() {
        return routes;
    }

    void register(HttpServerRoutes r) {
        for (Route route : routes) {
            switch (route.method()) {
                case "GET" -> r.get(route.path(), (q, s) -> run(route, q, s));
                case "POST" -> r.post(route.path(), (q, s) -> run(route, q, s));
                case "PUT" -> r.put(route.path(), (q, s) -> run(route, q, s));
                case "DELETE" -> r.delete(route.path(), (q, s) -> run(route, q, s));
                default -> throw new IllegalArgumentException("unsupported method " + route.method());
            }
        }
        r.route(DashboardPages::handles, (q, s) -> counted("dashboard", s, Mono.from(DashboardPages.serve(q, s))));
        r.route(q -> true, this::unmatched);
    }

    private Publisher<Void> run(Route route, HttpServerRequest q, HttpServerResponse s) {
        Mono<Void> answer = route.takesBody()
                ? q.receive()
                        .aggregate()
                        .asString()
                        .defaultIfEmpty("")
                        .flatMap(text ->
                                Mono.from(route.handler().handle(q, s, () -> checkedBody(text, route.bodyFields()))))
                : Mono.defer(() -> Mono.from(route.handler().handle(q, s, null)));
        return counted(route.path(), s, answer.onErrorResume(e -> Mono.from(ControlApi.internalError(s, e))));
    }

    /** The body as a JSON object with no field outside {@code fields}. */
    static JsonNode checkedBody(String text, List<String> fields) {
        JsonNode b;
        try {
            b = text.isBlank() ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Where, not the parser's sentence: the client has the text.
            throw new BadRequest(
                    "body: invalid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")",
                    null,
                    null);
        }
        if (b == null || !b.isObject()) {
            throw new BadRequest("body: a JSON object is required", null, null);
        }
        for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new BadRequest(
                        "unknown field '" + name + "'; allowed: " + String.join(", ", fields), name, fields);
            }
        }
        return b;
    }

    private Publisher<Void> unmatched(HttpServerRequest q, HttpServerResponse s) {
        String path = new QueryStringDecoder(q.uri()).rawPath();
        TreeSet<String> allow = new TreeSet<>();
        routes.stream().filter(r -> r.matchesPath(path)).forEach(r -> allow.add(r.method()));
        if (allow.isEmpty()
                && !path.equals("/api")
                && !path.startsWith("/api/")
                && !q.method().equals(HttpMethod.GET)) {
            allow.add("GET"); // the dashboard's pages are GET only
        }
        if (allow.isEmpty()) {
            return counted(
                    "unmatched",
                    s,
                    Mono.from(ControlApi.error(
                            s,
                            404,
                            "no route " + path + " (the API is described at /api/v1/openapi.yaml)",
                            null,
                            null)));
        }
        s.header("Allow", String.join(", ", allow));
        return counted(
                "unmatched",
                s,
                Mono.from(ControlApi.error(
                        s,
                        405,
                        q.method().name() + " is not allowed on " + path + "; allowed: " + String.join(", ", allow),
                        null,
                        null)));
    }

    private Publisher<Void> counted(String route, HttpServerResponse s, Mono<Void> answer) {
        return answer.doFinally(signal -> answered.accept(route, s.status().code()));
    }
}
