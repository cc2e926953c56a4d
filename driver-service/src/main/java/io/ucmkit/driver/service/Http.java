package io.ucmkit.driver.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.ucmkit.driver.DriverException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Request/response helpers: JSON bodies whose fields are checked, field checks that name the field, and every
 * failure in one shape, {@code {"error": message, "field"?: name, "allowed"?: [values]}}. A client never sees
 * exception text: an unexpected failure is logged with an id and answered 500 with that id only.
 */
final class Http {

    private static final Logger log = LoggerFactory.getLogger(Http.class);

    /** A 4xx/5xx answer: a message, and the field it is about and what that field allows when known. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String field;
        final List<String> allowed;

        Failure(int status, String message) {
            this(status, message, null, null);
        }

        Failure(int status, String message, String field, List<String> allowed) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
            this.allowed = allowed == null ? null : List.copyOf(allowed);
        }
    }

    private Http() {}

    /** The body as a JSON object with no field outside {@code fields}; 400 otherwise. */
    static Mono<ObjectNode> body(HttpServerRequest req, List<String> fields) {
        return req.receive().aggregate().asString().defaultIfEmpty("").map(text -> {
            if (text.isBlank()) {
                throw new Failure(400, "request body is missing: a JSON object is expected");
            }
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                // Where, not Jackson's sentence: the client's own text is enough to find the mistake.
                throw new Failure(
                        400,
                        "request body is not valid JSON (line "
                                + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ")");
            } catch (IOException e) {
                throw new Failure(400, "request body could not be read");
            }
            if (!(node instanceof ObjectNode o)) {
                throw new Failure(400, "request body must be a JSON object");
            }
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.contains(name)) {
                    throw new Failure(
                            400, "unknown field '" + name + "'; allowed: " + String.join(", ", fields), name, fields);
                }
            }
            return o;
        });
    }

    /** A required string field; 400 naming it when missing, blank or not a string. */
    static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new Failure(400, field + " is required", field, null);
        }
        if (!v.isTextual()) {
            throw new Failure(400, field + " must be a string", field, null);
        }
        if (v.asText().isBlank()) {
            throw new Failure(400, field + " is required (it is blank)", field, null);
        }
        return v.asText();
    }

    static Publisher<Void> json(HttpServerResponse res, int status, Object body) {
        String text = body instanceof String s ? s : Json.write(body);
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendString(Mono.just(text));
    }

    /** Maps a failure to its status: Failure as given, DriverException by kind, anything else 500 (logged). */
    static Publisher<Void> error(HttpServerResponse res, Throwable t) {
        if (t instanceof Failure f) {
            return json(res, f.status, Json.error(f.getMessage(), f.field, f.allowed));
        }
        DriverException d = DriverException.unwrap(t);
        if (d != null) {
            int status = switch (d.kind()) {
                case INVALID_REQUEST -> 400;
                case UNKNOWN_EXTENSION -> 404;
                case CONFLICT -> 409;
                case NOT_CONNECTED, CONNECTION_LOST, LOGIN_REFUSED -> 503;
                case ACTION_FAILED -> 502;
                case TIMEOUT -> 504;
            };
            return json(res, status, Json.error(d.getMessage(), null, null));
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("internal error {} answering an HTTP request", id, t);
        return json(res, 500, Json.error("internal error " + id + " (the service log has the details)", null, null));
    }
}
