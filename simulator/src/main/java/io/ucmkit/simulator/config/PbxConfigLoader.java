package io.ucmkit.simulator.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a {@link PbxConfig} from YAML or JSON (JSON is YAML, so one parser serves both) and
 * validates it with {@link PbxConfigValidator}: a bad file fails with a message naming the field.
 */
public final class PbxConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PbxConfigLoader() {
  }

  /** The embedded demo PBX of SPEC §4 ({@code default-pbx.yaml} on the classpath). */
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
    return read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "config");
  }

  private static String location(com.fasterxml.jackson.core.JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
      StringBuilder b = new StringBuilder();
      for (var ref : m.getPath()) {
        b.append(ref.getFieldName() != null ? (b.length() > 0 ? "." : "") + ref.getFieldName() : "[" + ref.getIndex() + "]");
      }
      return "field " + b;
    }
    return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr();
  }

  private static PbxConfig read(InputStream in, String source) {
    PbxConfig config;
    try {
      config = YAML.readValue(in, PbxConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new PbxConfigException(source + ": unknown field '" + e.getPropertyName() + "'; allowed: "
          + e.getKnownPropertyIds(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PbxConfigException(source + ": " + e.getOriginalMessage() + " at " + location(e), e);
    } catch (IOException e) {
      throw new PbxConfigException(source + ": " + e.getMessage(), e);
    }
    if (config == null) {
      throw new PbxConfigException(source + ": empty config");
    }
    PbxConfigValidator.validate(config);
    return config;
  }
}
