package io.ucmkit.simulator.admin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a person does at a phone or in the UCM web GUI, and what a test asks the simulator: one
 * interface for in-process use ({@code UcmSimulator.admin()}), for the HTTP control API (which
 * serves it) and for a simulator in another process ({@link HttpAdmin}), as WireMock's
 * {@code Admin}. Every failure is a {@link SimulatorException}: an unknown extension
 * {@link SimulatorException.Kind#UNKNOWN_EXTENSION}, a phone with nothing to act on (no ringing
 * call to answer) {@link SimulatorException.Kind#NOTHING_TO_ACT_ON}, a value outside what is
 * accepted {@link SimulatorException.Kind#INVALID_VALUE} with a message naming the field and what
 * it allows.
 */
public interface Admin {

    // ---- the extensions, as the web GUI shows and sets them

    List<ExtensionInfo> extensions();

    ExtensionInfo extension(String ext);

    /**
     * Sets the UCM presence status the user picks on the phone or in the user portal; {@code text}
     * is the Custom status's text (1 to 64 characters, required for {@link PresenceStatus#CUSTOM},
     * ignored otherwise).
     */
    ExtensionInfo setPresence(String ext, PresenceStatus status, String text);

    /** {@link #setPresence(String, PresenceStatus, String)} for the five statuses without a text. */
    default ExtensionInfo setPresence(String ext, PresenceStatus status) {
        return setPresence(ext, status, null);
    }

    /** The phone registers (REGISTER) or unregisters. */
    ExtensionInfo setRegistered(String ext, boolean registered);

    /** How the phone takes calls; {@code delay} (0 to 10 minutes) is how long {@link AnswerMode#AUTO} rings. */
    ExtensionInfo setAnswerMode(String ext, AnswerMode mode, Duration delay);

    /** {@link #setAnswerMode(String, AnswerMode, Duration)} without a delay. */
    default ExtensionInfo setAnswerMode(String ext, AnswerMode mode) {
        return setAnswerMode(ext, mode, Duration.ZERO);
    }

    /** Each watching key of each phone with its LED (VPK/MPK/EXT tables of the SIP Presence Guide). */
    List<WatcherKeyInfo> watchers();

    // ---- the phone: what a person does at it

    /** The ringing phone picks up. */
    void answer(String ext);

    /** The ringing phone rejects the call with its configured SIP answer. */
    void decline(String ext);

    /** The phone hangs up its call (or rejects a ringing one). */
    void hangup(String ext);

    /** The phone dials a number: an extension, an IVR, or a feature code such as {@code *48} or {@code *561001}. */
    void dial(String ext, String number);

    /** The phone presses keys on its call: DTMFBegin/DTMFEnd for each digit (0-9, *, #, A-D). */
    void dtmf(String ext, String digits);

    /** Every live channel with its state, bridge peer and spy role. */
    List<ChannelInfo> calls();

    // ---- the manager (AMI): users, sessions, and what the clients sent

    List<AmiSessionInfo> amiSessions();

    /** The user of that name, if there is one; over HTTP its secret reads {@code ****}. */
    Optional<AmiUserInfo> amiUser(String name);

    /** Saves a user; like the UCM, this restarts the manager: every session gets Shutdown and is closed. */
    void saveAmiUser(AmiUserInfo user);

    /** Every AMI action received, oldest first (the last 10 000). */
    List<JournalEntry> journal();

    void clearJournal();

    /**
     * Back to the configured PBX: every call hung up, AMI sessions closed, AMI users as configured
     * (saved ones dropped, changed ones restored), phones, presence and globals reset, journal cleared.
     */
    void reset();

    /**
     * Receives every event the PBX emits, from the time this returns until the subscription is
     * closed, on a thread of the simulator (in-process) or of the HTTP client.
     */
    Subscription events(Consumer<PbxEvent> listener);

    /** An event subscription; closing it twice does nothing. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    // ---- waiting, as a test waits: woken by the PBX's own events, never by sleeping or polling.
    // A wait that times out is a failed test, so it throws AssertionError saying what it saw.

    /** The phone's channel once it rings. */
    default ChannelInfo awaitRinging(String ext, Duration timeout) {
        extension(ext);
        return AdminWait.until(
                this,
                timeout,
                "extension " + ext + " ringing",
                () -> callOf(ext, "Ringing"),
                () -> "its calls: " + callsOf(ext));
    }

    /** The phone's channel once it is in a call (answered: state Up). */
    default ChannelInfo awaitInCall(String ext, Duration timeout) {
        extension(ext);
        return AdminWait.until(
                this,
                timeout,
                "extension " + ext + " in a call",
                () -> callOf(ext, "Up"),
                () -> "its calls: " + callsOf(ext));
    }

    /** The extension once it shows {@code status}. */
    default ExtensionInfo awaitPresence(String ext, PresenceStatus status, Duration timeout) {
        extension(ext);
        return AdminWait.until(
                this,
                timeout,
                "extension " + ext + " presence " + status.wire(),
                () -> Optional.of(extension(ext)).filter(e -> e.presence().equals(status.wire())),
                () -> "its presence: " + extension(ext).presence());
    }

    /** The session once {@code username} has logged in over AMI. */
    default AmiSessionInfo awaitAmiLogin(String username, Duration timeout) {
        return AdminWait.until(
                this,
                timeout,
                "an AMI login of " + username,
                () -> amiSessions().stream()
                        .filter(s -> s.authenticated() && username.equals(s.user()))
                        .findFirst(),
                () -> "sessions: " + amiSessions());
    }

    private Optional<ChannelInfo> callOf(String ext, String state) {
        return calls().stream()
                .filter(c -> ext.equals(c.extension()) && state.equals(c.state()))
                .findFirst();
    }

    private List<String> callsOf(String ext) {
        return calls().stream()
                .filter(c -> ext.equals(c.extension()))
                .map(c -> c.channel() + " " + c.state())
                .toList();
    }
}
