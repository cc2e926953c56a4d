package io.ucmkit.simulator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link PbxConfig} from YAML or JSON (JSON is YAML, so one parser serves both) and
 * validates it with {@link PbxConfigValidator}: a bad file fails with every problem it has, each
 * naming its field ({@link PbxConfigException#problems()}).
 */
public final class PbxConfigLoader {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PbxConfigLoader() {}

    /** The embedded demo PBX of docs/simulator.md §2 ({@code default-pbx.yaml} on the classpath). */
    public static PbxConfig defaults() {
        try (InputStream in = PbxConfigLoader.class.getResourceAsStream("/io/ucmkit/simulator/default-pbx.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-pbx.yaml missing from the simulator jar");
            }
            return read(in, "default-pbx.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and validates a YAML or JSON file. */
    public static PbxConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new PbxConfigException("cannot read config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and validates YAML or JSON text. */
    public static PbxConfig parse(String text) {
        return read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
    }

    /**
     * Every problem at once: the tree's shape first (unknown fields, values of the wrong kind), then
     * the values of what could be bound, leaving out those inside a field already reported.
     */
    private static PbxConfig read(InputStream in, String source) {
        JsonNode tree;
        try {
            tree = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            String line =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new PbxConfigException(
                    (source == null ? "config" : source) + ": not YAML or JSON" + line + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new PbxConfigException((source == null ? "config" : source) + ": " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new PbxConfigException((source == null ? "config" : source) + ": empty config");
        }
        List<PbxConfigProblem> problems = new ArrayList<>(ConfigShape.check(tree, PbxConfig.class));
        if (!tree.isObject()) {
            throw new PbxConfigException(source, problems);
        }
        PbxConfig config;
        try {
            config = YAML.treeToValue(tree, PbxConfig.class);
        } catch (JsonProcessingException e) {
            // the shape check let through what Jackson still refuses: report it with its path rather than fail blind
            problems.add(new PbxConfigProblem(path(e), path(e) + ": " + e.getOriginalMessage()));
            throw new PbxConfigException(source, problems);
        }
        List<PbxConfigProblem> shape = List.copyOf(problems);
        for (PbxConfigProblem p : PbxConfigValidator.problems(config)) {
            if (shape.stream().noneMatch(p::within)) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new PbxConfigException(source, problems);
        }
        return config;
    }

    private static String path(JsonProcessingException e) {
        StringBuilder b = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference ref : m.getPath()) {
                b.append(
                        ref.getFieldName() != null
                                ? (b.length() > 0 ? "." : "") + ref.getFieldName()
                                : "[" + ref.getIndex() + "]");
            }
        }
        return b.toString();
    }
}
