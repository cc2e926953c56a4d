package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.call.PbxPort;
import io.ucmkit.simulator.config.ExtensionConfig;
import io.ucmkit.simulator.config.IvrConfig;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PBX model as the call engine sees it: phones and answer modes from the extensions, IVR
 * numbers and feature codes from the config; call-driven device states and the presence feature
 * code go back into the model, which raises DeviceStateChange/ExtensionStatus and the presence
 * events exactly as for the other paths.
 */
public final class PbxCallPort implements PbxPort {

    /** Options 1–6 of the presence feature code's prompt (SIP Presence Guide). */
    private static final List<String> FEATURE_CODE_STATUSES =
            List.of("unavailable", "available", "away", "chat", "dnd", "custom");

    private final Pbx pbx;

    public PbxCallPort(Pbx pbx) {
        this.pbx = pbx;
    }

    @Override
    public Optional<Phone> phone(String ext) {
        return pbx.extension(ext)
                .map(e -> new Phone(
                        e.number(),
                        e.name(),
                        pbx.tech(),
                        e.registered(),
                        answerMode(e.answerMode()),
                        Duration.ofMillis(e.answerDelayMs()),
                        declineWith(ext)));
    }

    private int declineWith(String ext) {
        return pbx.config().extensions().stream()
                .filter(e -> e.number().equals(ext))
                .findFirst()
                .map(ExtensionConfig::declineWith)
                .orElse(ExtensionConfig.DEFAULT_DECLINE);
    }

    private static AnswerMode answerMode(String mode) {
        return AnswerMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public boolean isIvr(String number) {
        for (IvrConfig ivr : pbx.config().ivrs()) {
            if (ivr.number().equals(number)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String presenceFeatureCode() {
        return pbx.config().featureCodes().presence();
    }

    @Override
    public String listenFeatureCode() {
        return pbx.config().featureCodes().listen();
    }

    @Override
    public String whisperFeatureCode() {
        return pbx.config().featureCodes().whisper();
    }

    @Override
    public void phoneAuthenticated(String ext) {
        pbx.publishSipAuthentication(ext, SipContact.newCallId());
    }

    @Override
    public String shortRingPrefix() {
        return pbx.config().featureCodes().shortRing();
    }

    @Override
    public String bargeFeatureCode() {
        return pbx.config().featureCodes().barge();
    }

    @Override
    public void deviceStateChanged(String ext, DeviceState state) {
        pbx.setCallDeviceState(ext, state.name());
    }

    /**
     * Option 6 (Custom) keeps the phone's current custom text; a phone that has none shows
     * {@code Custom} — the prompt records no text, so this value is a choice of ours.
     */
    @Override
    public String presenceByFeatureCode(String ext, int option) {
        String status = FEATURE_CODE_STATUSES.get(option - 1);
        Presence now = pbx.presence(ext);
        String text = now.subtype().equals("custom") && !now.message().isEmpty() ? now.message() : "Custom";
        Presence set = Presence.ofUcm(status, text);
        pbx.setPresence(ext, set, Pbx.PresenceSource.GUI);
        return set.state() + "," + set.subtype() + "," + set.message();
    }
}
