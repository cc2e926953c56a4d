package io.ucmkit.simulator.config;

/**
 * UCM feature codes (docs/ami.md §6.3): presence {@code *48} by default (docs/ami.md §5.3; a guide's
 * screenshot shows {@code *46}), listen {@code *54}, whisper {@code *55}, barge {@code *56}; and
 * {@code shortRing}, a test prefix (none by default): prefix + extension dials that extension with
 * a 5 s ring timeout instead of 60 s, as the reference PBX's {@code _610XX} route does (transcript
 * 42b), so a no-answer takes 5 s.
 */
public record FeatureCodes(String presence, String listen, String whisper, String barge, String shortRing) {

    public static final FeatureCodes DEFAULT = new FeatureCodes("*48", "*54", "*55", "*56", null);

    public FeatureCodes(String presence, String listen, String whisper, String barge) {
        this(presence, listen, whisper, barge, null);
    }

    public FeatureCodes {
        presence = presence == null ? DEFAULT_PRESENCE : presence;
        listen = listen == null ? "*54" : listen;
        whisper = whisper == null ? "*55" : whisper;
        barge = barge == null ? "*56" : barge;
    }

    private static final String DEFAULT_PRESENCE = "*48";
}
