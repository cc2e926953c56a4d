package io.ucmkit.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ucmkit.simulator.admin.SimulatorException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * How the web port answers: a JSON body with its status, and every failure in the one error shape
 * {@code {"error", "field"?, "allowed"?}}. The admin's {@link SimulatorException.Kind} becomes its status here
 * and nowhere else; a 500 carries an id, never the exception's text.
 */
final class Responses {

    private static final ObjectMapper JSON = new ObjectMapper();
    // under the control API's name, where operators have always found its errors
    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

    private Responses() {}

    /** 200 with what {@code action} returns; what it raises becomes its status and the error shape. */
    static Publisher<Void> json(HttpServerResponse s, Supplier<Object> action) {
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
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("internal error {} answering an HTTP request", id, e);
        return error(s, 500, "internal error " + id + " (the simulator log has the details)", null, null);
    }

    static Publisher<Void> send(HttpServerResponse s, int status, Object body) {
        return s.status(status).header("Content-Type", "application/json").sendString(Mono.just(write(body)));
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
