package io.ucmkit.driver.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ucmkit.driver.DriverEvent;
import java.io.UncheckedIOException;

/** One Jackson mapper for the service; instants as ISO-8601 text. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event as JSON: {@code {"type": "CallStatus", ...its fields}}. */
    static ObjectNode event(DriverEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", event.type());
        JsonNode fields = MAPPER.valueToTree(event);
        node.setAll((ObjectNode) fields);
        return node;
    }

    /** The one error shape of both HTTP servers: {@code {"error", "field"?, "allowed"?}}. */
    static String error(String message, String field, java.util.List<String> allowed) {
        ObjectNode node = MAPPER.createObjectNode().put("error", message);
        if (field != null) {
            node.put("field", field);
        }
        if (allowed != null) {
            allowed.forEach(node.putArray("allowed")::add);
        }
        return write(node);
    }
}
