package io.ucmkit.simulator.config;

/**
 * One extension with its simulated phone: number, display name, phone model, whether the phone is
 * registered, and how it answers ({@code manual | auto | decline | busy | no-answer}, with a delay for auto).
 */
public record ExtensionConfig(String number, String name, String model, Boolean registered, String answerMode, Integer answerDelayMs) {

  public ExtensionConfig {
    registered = registered == null ? Boolean.TRUE : registered;
    answerMode = answerMode == null ? "manual" : answerMode;
    answerDelayMs = answerDelayMs == null ? 0 : answerDelayMs;
  }
}
