package io.ucmkit.simulator.call;

import java.time.Duration;
import java.util.Optional;

/**
 * What the call engine needs from the PBX model (extensions, phones, hints, presence). The
 * simulator's model implements it; tests use a map.
 */
public interface PbxPort {

    /** The phone of an extension, or empty when the number is no user extension. */
    Optional<Phone> phone(String ext);

    /** IVR numbers (UCM range 7000–7100, docs/ami.md §7.5) answer and read digits. */
    boolean isIvr(String number);

    /** The presence feature code, {@code *48} by default (docs/ami.md §6.3). */
    String presenceFeatureCode();

    /** Spy feature codes, each followed by the target extension (docs/ami.md §6.3 defaults). */
    default String listenFeatureCode() {
        return "*54";
    }

    default String whisperFeatureCode() {
        return "*55";
    }

    default String bargeFeatureCode() {
        return "*56";
    }

    /** A prefix that dials the extension after it with a {@link CallEngine#SHORT_RING} timeout, or null. */
    default String shortRingPrefix() {
        return null;
    }

    /**
     * The phone's SIP request (an INVITE) was challenged and authenticated: the PBX publishes
     * ChallengeSent and SuccessfulAuth to security readers (transcripts 44, 46).
     */
    default void phoneAuthenticated(String ext) {}

    /** Called when an extension's device state changes because of calls; the model raises the events. */
    void deviceStateChanged(String ext, DeviceState state);

    /**
     * The phone dialled the presence feature code and pressed {@code option} 1–6 (SIP Presence
     * Guide); returns the value the dialplan's {@code Set(PRESENCE_STATE(...))} wrote:
     * {@code status,subtype,message}.
     */
    String presenceByFeatureCode(String ext, int option);

    /**
     * A phone's view of its extension; {@code declineWith} is the SIP answer its user's reject
     * sends (486 or 603).
     */
    record Phone(
            String ext,
            String name,
            String tech,
            boolean registered,
            AnswerMode mode,
            Duration autoAnswerDelay,
            int declineWith) {

        /** A phone that rejects with 486, as the recorded phones did (transcripts 41–43). */
        Phone(String ext, String name, String tech, boolean registered, AnswerMode mode, Duration autoAnswerDelay) {
            this(ext, name, tech, registered, mode, autoAnswerDelay, 486);
        }

        /** The hangup cause Asterisk gives the rejected leg (res_pjsip {@code ast_sip_hangup_sip2cause}). */
        int declineCause() {
            return declineWith == 603 ? HangupCause.CALL_REJECTED.code : HangupCause.USER_BUSY.code;
        }
    }

    enum AnswerMode {
        MANUAL,
        AUTO,
        DECLINE,
        BUSY,
        NO_ANSWER
    }

    /** {@code ast_devstate_str} values a phone's device takes through calls (docs/ami.md §3.8). */
    enum DeviceState {
        NOT_INUSE,
        INUSE,
        RINGING,
        RINGINUSE
    }
}
