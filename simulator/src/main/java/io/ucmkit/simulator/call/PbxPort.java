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

    /** IVR numbers (UCM range 7000–7100, AMI.md §7.5) answer and read digits. */
    boolean isIvr(String number);

    /** The presence feature code, {@code *48} by default (AMI.md §6.3). */
    String presenceFeatureCode();

    /** Spy feature codes, each followed by the target extension (AMI.md §6.3 defaults). */
    default String listenFeatureCode() {
        return "*54";
    }

    default String whisperFeatureCode() {
        return "*55";
    }

    default String bargeFeatureCode() {
        return "*56";
    }

    /** Called when an extension's device state changes because of calls; the model raises the events. */
    void deviceStateChanged(String ext, DeviceState state);

    /** The phone dialled the presence feature code and pressed {@code option} 1–6 (SIP Presence Guide). */
    void presenceByFeatureCode(String ext, int option);

    /** A phone's view of its extension. */
    record Phone(String ext, String name, String tech, boolean registered, AnswerMode mode, Duration autoAnswerDelay) {
    }

    enum AnswerMode { MANUAL, AUTO, DECLINE, BUSY, NO_ANSWER }

    /** {@code ast_devstate_str} values a phone's device takes through calls (AMI.md §3.8). */
    enum DeviceState { NOT_INUSE, INUSE, RINGING, RINGINUSE }
}
