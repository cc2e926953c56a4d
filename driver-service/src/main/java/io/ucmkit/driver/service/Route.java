package io.ucmkit.driver.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One route of an HTTP API: method, path template ({@code {name}} for a segment) and, for a route that takes a
 * JSON body, the body's field names (any other field is refused before the handler runs). The routes of a
 * server are one list ({@link RouteTable}), so the OpenAPI document can be checked against exactly them.
 */
record Route(String method, String path, List<String> bodyFields, Handler handler) {

    /** Answers a request; {@code body} is the checked JSON object for a route with body fields, else null. */
    @FunctionalInterface
    interface Handler {
        Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res, ObjectNode body);
    }

    /** A handler without a body. */
    @FunctionalInterface
    interface Plain {
        Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res);
    }

    Route {
        bodyFields = bodyFields == null ? null : List.copyOf(bodyFields);
    }

    static Route get(String path, Plain handler) {
        return new Route("GET", path, null, (req, res, body) -> handler.handle(req, res));
    }

    static Route post(String path, List<String> bodyFields, Handler handler) {
        return new Route("POST", path, bodyFields, handler);
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
