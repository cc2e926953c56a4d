package io.ucmkit.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The type checks of a request body's fields. Each refusal is a {@link BadRequest} naming the field and what it
 * allows, so the caller need not look it up; what a value means (a number's digits, a delay's range) is the
 * admin's to check.
 */
final class BodyFields {

    private static final List<String> BOOLEANS = List.of("true", "false");

    private BodyFields() {}

    /** A required string field; a missing or non-string one names the field and what it allows. */
    static String text(JsonNode body, String field, String allowed) {
        String v = optionalText(body, field, allowed);
        if (v == null) {
            throw new BadRequest(field + " is required; allowed: " + allowed, field, null);
        }
        return v;
    }

    /** A string field, null when absent or JSON null. */
    static String optionalText(JsonNode body, String field, String allowed) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRequest(field + " must be a string; allowed: " + allowed, field, null);
        }
        return v.textValue();
    }

    static boolean bool(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new BadRequest(field + " is required; allowed: true, false", field, BOOLEANS);
        }
        if (!v.isBoolean()) {
            throw new BadRequest(field + " must be a boolean; allowed: true, false", field, BOOLEANS);
        }
        return v.booleanValue();
    }

    /**
     * A whole number that fits an int, 0 when absent. A value that is not one is refused here, quoting it as
     * sent (JSON), rather than turned into a number the admin's range check would report instead.
     */
    static int optionalInt(JsonNode body, String field, String allowed) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadRequest(field + ": " + v + " is not " + allowed, field, null);
        }
        return v.intValue();
    }

    /** A required array; its elements as text. */
    static List<String> list(JsonNode body, String field, String allowed) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new BadRequest(field + " is required; allowed: " + allowed, field, null);
        }
        if (!v.isArray()) {
            throw new BadRequest(field + " must be an array of strings; allowed: " + allowed, field, null);
        }
        List<String> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return out;
    }
}
