package io.ucmkit.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One route of the control API: method, path template ({@code {name}} for a segment) and, for a route that takes
 * a JSON body, the body's field names. All routes are one list ({@link RouteTable}), which the OpenAPI document
 * is checked against.
 */
record Route(String method, String path, List<String> bodyFields, Handler handler) {

    /** Answers a request; {@code body} is null for a route without body fields. */
    @FunctionalInterface
    interface Handler {
        Publisher<Void> handle(HttpServerRequest q, HttpServerResponse s, Body body);
    }

    /**
     * The request body, parsed and checked (a JSON object with no field outside the route's) only when the handler
     * asks: a route under {@code /extensions/{ext}} answers 404 for an unknown extension before the body is looked at.
     */
    @FunctionalInterface
    interface Body {
        JsonNode get();
    }

    /** A handler without a body. */
    @FunctionalInterface
    interface Plain {
        Publisher<Void> handle(HttpServerRequest q, HttpServerResponse s);
    }

    Route {
        bodyFields = bodyFields == null ? null : List.copyOf(bodyFields);
    }

    static Route of(String method, String path, Plain handler) {
        return new Route(method, path, null, (q, s, body) -> handler.handle(q, s));
    }

    static Route withBody(String method, String path, List<String> bodyFields, Handler handler) {
        return new Route(method, path, bodyFields, handler);
    }

    boolean takesBody() {
        return bodyFields != null;
    }

    /** Whether a request path (no query) is this route's template, whatever the method. */
    boolean matchesPath(String requestPath) {
        return Pattern.compile(path.replaceAll("\\{[^/}]+}", "[^/]+"))
                .matcher(requestPath)
                .matches();
    }
}
