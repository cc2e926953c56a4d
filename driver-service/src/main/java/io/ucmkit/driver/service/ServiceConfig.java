package io.ucmkit.driver.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.LoginMode;
import io.ucmkit.driver.ReconnectDelay;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service's config file (YAML or JSON: JSON is YAML, so one parser reads both). Unknown fields and values of
 * the wrong kind are errors naming the field, all of them at once. Every field is optional here; flags override the file; the password comes from the file or
 * {@code UCMKIT_PASSWORD}, never from the command line.
 */
final class ServiceConfig {

    public String address;
    public Integer port;
    public String username;
    public String password;
    public LoginMode loginMode;
    public Boolean tls;
    /** PEM file of the PBX's certificate or its CA (relative paths: to the working directory, as dataDir). */
    public String tlsTrustCertificate;

    public String channelTech;
    public String context;
    public Integer ivrFirst;
    public Integer ivrLast;
    public Long connectTimeoutMs;
    public Long actionTimeoutMs;
    public Long keepaliveIntervalMs;
    public Long keepaliveTimeoutMs;
    public Reconnect reconnect;
    /** After a refused login: default 30 s doubling up to 10 min (same fields as reconnect). */
    public Reconnect refusedLoginRetry;

    public Integer dataserverPort;
    public Integer debugPort;
    public String bind;
    public String dataDir;
    public Integer eventHistory;

    /** Reconnect policy: initial and max delay, multiplier, jitter (0–1). */
    static final class Reconnect {
        public Long initialMs;
        public Long maxMs;
        public Double multiplier;
        public Double jitter;

        /** This policy, with {@code d}'s values where a field is not given. */
        ReconnectDelay over(ReconnectDelay d) {
            return new ReconnectDelay(
                    initialMs == null ? d.initial() : Duration.ofMillis(initialMs),
                    maxMs == null ? d.max() : Duration.ofMillis(maxMs),
                    multiplier == null ? d.multiplier() : multiplier,
                    jitter == null ? d.jitter() : jitter);
        }
    }

    /** What is wrong in the file (unknown fields, values of the wrong kind), each as "file: path …"; not a config field. */
    private final List<String> fileProblems = new ArrayList<>();
    /** Top-level fields the file got wrong: the driver's own complaint about them (e.g. "port must be …") would repeat it. */
    private final Set<String> badFields = new HashSet<>();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);

    /**
     * Reads the file. A file that is not YAML fails here; what is wrong inside it is kept, every
     * problem at once, and {@link #toDriverConfig()} refuses the config listing them together with
     * what the driver finds wrong in its values.
     */
    static ServiceConfig load(Path file) {
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config " + file + ": not YAML or JSON"
                    + (e.getLocation() == null
                            ? ""
                            : " at line " + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "config " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new ServiceConfig();
        }
        Shape shape = new Shape();
        JsonNode fitting = shape.check(tree, ServiceConfig.class, "");
        ServiceConfig c;
        try {
            c = fitting != null && fitting.isObject()
                    ? YAML.treeToValue(fitting, ServiceConfig.class)
                    : new ServiceConfig();
        } catch (JsonProcessingException e) {
            // what the shape check let through and Jackson still refuses: reported, not thrown blind
            shape.problems.add(e.getOriginalMessage());
            c = new ServiceConfig();
        }
        for (String problem : shape.problems) {
            c.fileProblems.add(file + ": " + problem);
        }
        c.badFields.addAll(shape.badFields);
        return c;
    }

    /**
     * The driver's configuration; refused when the file had problems, listing them and the driver's
     * own (a value it cannot work with, a missing password) at once.
     */
    DriverConfig toDriverConfig() {
        DriverConfig config = build();
        if (!fileProblems.isEmpty()) {
            List<String> all = new ArrayList<>(fileProblems);
            config.problems().stream()
                    .filter(p -> !badFields.contains(p.split("[ .]", 2)[0]))
                    .forEach(all::add);
            throw new IllegalArgumentException(
                    "invalid configuration, nothing started:\n  - " + String.join("\n  - ", all));
        }
        return config;
    }

    private DriverConfig build() {
        DriverConfig.Builder b =
                DriverConfig.builder().address(address).username(username).password(password);
        if (port != null) b.port(port);
        if (loginMode != null) b.loginMode(loginMode);
        if (tls != null) b.tls(tls);
        if (tlsTrustCertificate != null) b.tlsTrustCertificate(Path.of(tlsTrustCertificate));
        if (channelTech != null) b.channelTech(channelTech);
        if (context != null) b.context(context);
        if (ivrFirst != null || ivrLast != null) {
            b.ivrRange(ivrFirst == null ? 7000 : ivrFirst, ivrLast == null ? 7100 : ivrLast);
        }
        if (connectTimeoutMs != null) b.connectTimeout(Duration.ofMillis(connectTimeoutMs));
        if (actionTimeoutMs != null) b.actionTimeout(Duration.ofMillis(actionTimeoutMs));
        if (keepaliveIntervalMs != null) b.keepaliveInterval(Duration.ofMillis(keepaliveIntervalMs));
        if (keepaliveTimeoutMs != null) b.keepaliveTimeout(Duration.ofMillis(keepaliveTimeoutMs));
        if (reconnect != null) {
            b.reconnect(reconnect.over(ReconnectDelay.defaults()));
        }
        if (refusedLoginRetry != null) {
            b.refusedLoginRetry(refusedLoginRetry.over(ReconnectDelay.refusedLogin()));
        }
        return b.build();
    }

    /**
     * Checks the file's tree against this class's public fields before Jackson binds it, so every
     * unknown field and every value of the wrong kind is reported at once, with its path and in
     * words (Jackson stops at the first and names Java types). A bad value is dropped from the tree:
     * the field keeps its default and the rest still binds.
     */
    static final class Shape {

        final List<String> problems = new ArrayList<>();
        final Set<String> badFields = new HashSet<>();

        /** The node to bind: {@code node} when it fits {@code type}, else null (the field left out) after recording why. */
        JsonNode check(JsonNode node, Class<?> type, String path) {
            if (node.isNull()) {
                return node;
            }
            if (!type.isEnum() && type.getPackageName().equals(ServiceConfig.class.getPackageName())) {
                if (!node.isObject()) {
                    return wrong(node, type, path);
                }
                Map<String, Class<?>> known = fields(type);
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    Class<?> fieldType = known.get(field.getKey());
                    JsonNode kept =
                            fieldType == null ? unknown(at, known.keySet()) : check(field.getValue(), fieldType, at);
                    if (kept == null) {
                        it.remove();
                    }
                }
                return node;
            }
            return fits(node, type) ? node : wrong(node, type, path);
        }

        private JsonNode unknown(String path, Set<String> allowed) {
            problems.add("unknown field '" + path + "'; allowed: " + String.join(", ", allowed));
            return null;
        }

        private JsonNode wrong(JsonNode node, Class<?> type, String path) {
            String found = node.isArray()
                    ? " is a list"
                    : node.isObject()
                            ? " is a mapping"
                            : " = '" + (path.endsWith("password") ? "********" : shown(node)) + "'";
            problems.add((path.isEmpty() ? "the config" : path) + found + "; expected " + expected(type));
            badFields.add(path.split("\\.", 2)[0]);
            return null;
        }

        /** The public instance fields of a config class, in declaration order. */
        private static Map<String, Class<?>> fields(Class<?> type) {
            Map<String, Class<?>> fields = new LinkedHashMap<>();
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) {
                    fields.put(f.getName(), f.getType());
                }
            }
            return fields;
        }

        /** Whether a scalar binds to {@code type} as Jackson binds it (a number is text too, "7" is a number). */
        private static boolean fits(JsonNode node, Class<?> type) {
            String text = node.asText().strip();
            if (type == String.class) {
                return node.isValueNode();
            }
            if (type == Integer.class) {
                return node.isIntegralNumber() && node.canConvertToInt()
                        || node.isTextual() && text.matches("-?[0-9]{1,9}");
            }
            if (type == Long.class) {
                return node.isIntegralNumber() && node.canConvertToLong()
                        || node.isTextual() && text.matches("-?[0-9]{1,18}");
            }
            if (type == Double.class) {
                return node.isNumber() || node.isTextual() && text.matches("-?[0-9]+(\\.[0-9]+)?");
            }
            if (type == Boolean.class) {
                return node.isBoolean() || node.isTextual() && (text.equals("true") || text.equals("false"));
            }
            if (type.isEnum()) {
                return node.isTextual()
                        && Arrays.stream(type.getEnumConstants())
                                .anyMatch(v -> v.toString().equalsIgnoreCase(text));
            }
            throw new IllegalStateException("no shape check for " + type); // a new field type: add it here
        }

        /** What a field takes, in the words of the file's reader. */
        private static String expected(Class<?> type) {
            if (type == Integer.class || type == Long.class) {
                return "a whole number";
            }
            if (type == Double.class) {
                return "a number";
            }
            if (type == Boolean.class) {
                return "true or false";
            }
            if (type.isEnum()) {
                return "one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(Object::toString)
                                .collect(Collectors.joining(", "));
            }
            if (type == String.class) {
                return "text";
            }
            return "a mapping with the fields " + String.join(", ", fields(type).keySet());
        }

        private static String shown(JsonNode node) {
            String text = node.asText();
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }
    }
}
