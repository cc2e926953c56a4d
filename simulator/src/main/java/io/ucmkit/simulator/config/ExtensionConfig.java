package io.ucmkit.simulator.config;

/**
 * One extension with its simulated phone: number, display name, phone model, whether the phone is
 * registered, how it answers ({@code manual | auto | decline | busy | no-answer}, with a delay for auto),
 * the keys on which it watches other extensions' presence, and the SIP answer its phone rejects a
 * call with ({@code declineWith}: 486 Busy Here, as the recorded phones did, or 603 Decline, as a
 * GXP can be set to; Asterisk turns 486 into cause 17 and 603 into cause 21).
 */
public record ExtensionConfig(
        String number,
        String name,
        String model,
        Boolean registered,
        String answerMode,
        Integer answerDelayMs,
        java.util.List<WatchKeyConfig> keys,
        Integer declineWith) {

    /** What a phone rejects with unless configured: 486, as the phones of transcripts 41–43 did. */
    public static final int DEFAULT_DECLINE = 486;

    public ExtensionConfig {
        keys = keys == null ? java.util.List.of() : java.util.List.copyOf(keys);
        registered = registered == null ? Boolean.TRUE : registered;
        answerMode = answerMode == null ? "manual" : answerMode;
        answerDelayMs = answerDelayMs == null ? 0 : answerDelayMs;
        declineWith = declineWith == null ? DEFAULT_DECLINE : declineWith;
    }
}
