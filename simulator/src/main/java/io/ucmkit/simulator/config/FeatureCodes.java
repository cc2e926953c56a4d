package io.ucmkit.simulator.config;

/**
 * UCM feature codes (AMI.md §6.3): presence {@code *48} by default (AMI.md §5.3; a guide's
 * screenshot shows {@code *46}), listen {@code *54}, whisper {@code *55}, barge {@code *56}.
 */
public record FeatureCodes(String presence, String listen, String whisper, String barge) {

  public static final FeatureCodes DEFAULT = new FeatureCodes("*48", "*54", "*55", "*56");

  public FeatureCodes {
    presence = presence == null ? DEFAULT_PRESENCE : presence;
    listen = listen == null ? "*54" : listen;
    whisper = whisper == null ? "*55" : whisper;
    barge = barge == null ? "*56" : barge;
  }

  private static final String DEFAULT_PRESENCE = "*48";
}
