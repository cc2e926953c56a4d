package io.ucmkit.features.phones;

import java.util.Optional;

/**
 * The people at the phones and what their phones show, as the features' phone steps use them:
 * the simulator's phones (its control API or the in-process admin) or real SIP user agents
 * registered on a real PBX ({@link SoftPhones}). Every query is a snapshot: steps await them.
 * A phone with nothing to act on throws: the simulator's
 * {@link io.ucmkit.simulator.admin.SimulatorException} of kind {@code NOTHING_TO_ACT_ON}, a soft
 * phone {@link IllegalStateException}.
 */
public interface Phones {

    /** How a phone deals with the calls that reach it from now on. */
    void behave(String extension, PhoneBehaviour behaviour);

    void answer(String extension);

    /** Rejects the ringing call (a person pressing "reject"). */
    void reject(String extension);

    void hangUp(String extension);

    void dial(String extension, String number);

    /** Keys pressed during a call, sent as RFC 4733 events. */
    void sendDtmf(String extension, String digits);

    /** The call ringing on the phone, with the caller ID its display shows; empty when none rings. */
    Optional<CallerId> ringing(String extension);

    /** Whether the phone has a call that was answered (talking, listening or on an IVR). */
    boolean inCall(String extension);

    /** Whether the phone has any call: ringing, dialling or answered. */
    boolean hasCall(String extension);

    /** Whether any phone of the PBX has a call. */
    boolean anyCall();

    /** Whether the two phones are in one call with each other. */
    boolean talking(String one, String other);

    /** The mode (listen, whisper, barge) in which {@code spyer} is in {@code spied}'s call; empty when it is not. */
    Optional<String> spyMode(String spyer, String spied);

    /** What a caller ID display shows: line 1 the name, line 2 the number. */
    record CallerId(String name, String number) {}
}
