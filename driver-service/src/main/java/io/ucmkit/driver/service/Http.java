package io.ucmkit.driver.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.ucmkit.driver.DriverException;
import java.io.IOException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** Request/response helpers: JSON bodies, field checks that name the field, errors as statuses. */
final class Http {

    /** A 4xx/5xx answer with a message. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private Http() {
    }

    static Mono<ObjectNode> body(HttpServerRequest req) {
        return req.receive().aggregate().asString().defaultIfEmpty("").map(text -> {
            if (text.isBlank()) {
                throw new Failure(400, "request body is missing: a JSON object is expected");
            }
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(text);
            } catch (IOException e) {
                throw new Failure(400, "bad JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (!(node instanceof ObjectNode o)) {
                throw new Failure(400, "request body must be a JSON object");
            }
            return o;
        });
    }

    /** A required string field; 400 naming it when missing, blank or not a string. */
    static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new Failure(400, field + " is required");
        }
        if (!v.isTextual()) {
            throw new Failure(400, field + " must be a string");
        }
        if (v.asText().isBlank()) {
            throw new Failure(400, field + " is required (it is blank)");
        }
        return v.asText();
    }

    static Publisher<Void> json(HttpServerResponse res, int status, Object body) {
        String text = body instanceof String s ? s : Json.write(body);
        return res.status(status).header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendString(Mono.just(text));
    }

    /** Maps a failure to its status: Failure as given, DriverException by kind, anything else 500. */
    static Publisher<Void> error(HttpServerResponse res, Throwable t) {
        DriverException d = DriverException.unwrap(t);
        int status;
        String message;
        if (t instanceof Failure f) {
            status = f.status;
            message = f.getMessage();
        } else if (d != null) {
            status = switch (d.kind()) {
                case INVALID_REQUEST -> 400;
                case UNKNOWN_EXTENSION -> 404;
                case CONFLICT -> 409;
                case NOT_CONNECTED, CONNECTION_LOST, LOGIN_REFUSED -> 503;
                case ACTION_FAILED -> 502;
                case TIMEOUT -> 504;
            };
            message = d.getMessage();
        } else {
            status = 500;
            message = "internal error: " + t;
        }
        return json(res.status(HttpResponseStatus.valueOf(status)), status, Json.error(message));
    }
}
