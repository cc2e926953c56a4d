package io.ucmkit.simulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a config's tree against the records it binds to before Jackson binds it, so that every
 * unknown field and every value of the wrong kind is reported at once with its path (Jackson stops
 * at the first and names Java types). Each bad value is replaced in the tree by one that binds (a
 * field's by null, which takes the default; a list element's by an empty value), so the config
 * can still be bound and its values validated.
 */
final class ConfigShape {

    /** Field names whose values never appear in a problem. */
    private static final List<String> SECRETS = List.of("secret");

    private final List<PbxConfigProblem> problems = new ArrayList<>();

    private ConfigShape() {}

    /** The problems of {@code root} as a {@code type}; {@code root} is left bindable. */
    static List<PbxConfigProblem> check(JsonNode root, Class<?> type) {
        ConfigShape shape = new ConfigShape();
        shape.check(root, type, "", false);
        return shape.problems;
    }

    /** The node to keep: {@code node} when it fits {@code type}, else a stand-in after recording why. */
    private JsonNode check(JsonNode node, Type type, String path, boolean element) {
        if (node.isNull()) {
            return element ? wrong(node, type, path, true) : node;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            if (!node.isObject()) {
                return wrong(node, type, path, element);
            }
            fields((ObjectNode) node, raw, path);
            return node;
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                return wrong(node, type, path, element);
            }
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, check(node.get(i), item, path + "[" + i + "]", true));
            }
            return node;
        }
        return fits(node, raw) ? node : wrong(node, type, path, element);
    }

    private void fields(ObjectNode node, Class<?> record, String path) {
        Map<String, Type> known = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            known.put(c.getName(), c.getGenericType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            Type type = known.get(field.getKey());
            if (type == null) {
                problems.add(PbxConfigProblem.unknownField(at, known.keySet()));
                it.remove();
            } else {
                field.setValue(check(field.getValue(), type, at, false));
            }
        }
    }

    /** Whether a scalar node binds to {@code type} as Jackson would bind it (a number is text too, "7" is a number). */
    private static boolean fits(JsonNode node, Class<?> type) {
        if (type == String.class) {
            return node.isValueNode();
        }
        if (type == int.class || type == Integer.class) {
            return node.isIntegralNumber() && node.canConvertToInt()
                    || node.isTextual() && node.asText().strip().matches("-?[0-9]{1,9}");
        }
        if (type == boolean.class || type == Boolean.class) {
            return node.isBoolean()
                    || node.isTextual()
                            && (node.asText().equals("true") || node.asText().equals("false"));
        }
        throw new IllegalStateException("no shape check for " + type); // a new record field type: add it here
    }

    private JsonNode wrong(JsonNode node, Type type, String path, boolean element) {
        String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*", "");
        // a list or mapping is named, not shown: it may hold a secret
        String found = node.isNull()
                ? " is empty"
                : node.isArray()
                        ? " is a list"
                        : node.isObject()
                                ? " is a mapping"
                                : " = '" + (SECRETS.contains(field) ? "****" : shown(node)) + "'";
        problems.add(PbxConfigProblem.wrongKind(path, found, expected(type)));
        if (!element) {
            return NullNode.getInstance();
        }
        // a list keeps its length so the paths of the other elements stay what the file says
        Class<?> raw = raw(type);
        return raw.isRecord() ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.textNode("");
    }

    /** What a {@code type} is, in the words of a config file's reader. */
    static String expected(Type type) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            List<String> names = new ArrayList<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                names.add(c.getName());
            }
            return "a mapping with the fields " + String.join(", ", names);
        }
        if (raw == List.class) {
            return "a list of " + plural(((ParameterizedType) type).getActualTypeArguments()[0]);
        }
        if (raw == int.class || raw == Integer.class) {
            return "a whole number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        return "text";
    }

    private static String plural(Type item) {
        String one = expected(item);
        return one.equals("text") ? "texts" : one.replaceFirst("^a ", "").replaceFirst("^mapping", "mappings");
    }

    private static String shown(JsonNode node) {
        String text = node.asText();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
