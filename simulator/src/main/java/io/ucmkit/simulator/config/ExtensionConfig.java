package io.ucmkit.simulator.config;

/**
 * One extension with its simulated phone: number, display name, phone model, whether the phone is
 * registered, how it answers ({@code manual | auto | decline | busy | no-answer}, with a delay for auto),
 * and the keys on which it watches other extensions' presence.
 */
public record ExtensionConfig(String number, String name, String model, Boolean registered, String answerMode, Integer answerDelayMs,
    java.util.List<WatchKeyConfig> keys) {

  /** An extension whose phone watches no other extension. */
  public ExtensionConfig(String number, String name, String model, Boolean registered, String answerMode, Integer answerDelayMs) {
    this(number, name, model, registered, answerMode, answerDelayMs, null);
  }

  public ExtensionConfig {
    keys = keys == null ? java.util.List.of() : java.util.List.copyOf(keys);
    registered = registered == null ? Boolean.TRUE : registered;
    answerMode = answerMode == null ? "manual" : answerMode;
    answerDelayMs = answerDelayMs == null ? 0 : answerDelayMs;
  }
}
