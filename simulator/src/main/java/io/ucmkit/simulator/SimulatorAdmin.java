package io.ucmkit.simulator;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.ExtensionInfo;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.ami.AmiServer;
import io.ucmkit.simulator.ami.Journal;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What a person does at a phone or in the UCM web GUI (WireMock's {@code Admin}): the same
 * operations serve in-process callers, tests and the HTTP control API. Unknown extensions raise
 * {@link java.util.NoSuchElementException}; invalid values {@link IllegalArgumentException} naming the field.
 */
public final class SimulatorAdmin {

    /** One AMI connection as the control API lists it. */
    public record AmiSessionInfo(
            String id, String remoteAddress, String user, boolean authenticated, String connectedAt) {}

    private final Pbx pbx;
    private final Calls calls;
    private final AmiServer ami;

    SimulatorAdmin(Pbx pbx, Calls calls, AmiServer ami) {
        this.pbx = pbx;
        this.calls = calls;
        this.ami = ami;
    }

    public List<ExtensionInfo> extensions() {
        return pbx.extensions();
    }

    public ExtensionInfo extension(String ext) {
        return pbx.extension(ext).orElseThrow(() -> new java.util.NoSuchElementException("no extension " + ext));
    }

    /** Sets a UCM presence status: available|away|chat|dnd|custom|unavailable ({@code text} for custom, ≤ 64 chars). */
    public ExtensionInfo setPresence(String ext, String status, String text) {
        extension(ext);
        pbx.setPresence(ext, Presence.ofUcm(status, text), Pbx.PresenceSource.GUI);
        return extension(ext);
    }

    public ExtensionInfo setRegistered(String ext, boolean registered) {
        extension(ext);
        pbx.setRegistered(ext, registered);
        return extension(ext);
    }

    /** mode: manual|auto|decline|busy|no-answer; delayMs 0..600000 (used by auto). */
    public ExtensionInfo setAnswerMode(String ext, String mode, int delayMs) {
        extension(ext);
        if (!List.of("manual", "auto", "decline", "busy", "no-answer").contains(mode)) {
            throw new IllegalArgumentException("mode: '" + mode + "' is not one of manual|auto|decline|busy|no-answer");
        }
        if (delayMs < 0 || delayMs > 600_000) {
            throw new IllegalArgumentException("delayMs: " + delayMs + " is outside 0..600000");
        }
        pbx.setAnswerMode(ext, mode, delayMs);
        return extension(ext);
    }

    /** {@link #setPresence(String, String, String)} with a typed status; {@code CUSTOM} shows the text {@code Custom}. */
    public ExtensionInfo setPresence(String ext, PresenceStatus status) {
        return setPresence(ext, status.wire(), null);
    }

    /** The Custom status with its text (≤ 64 characters), as the user portal sets it. */
    public ExtensionInfo setCustomPresence(String ext, String text) {
        return setPresence(ext, PresenceStatus.CUSTOM.wire(), text);
    }

    /** {@link #setAnswerMode(String, String, int)} typed: {@code delay} is used by {@link AnswerMode#AUTO}. */
    public ExtensionInfo setAnswerMode(String ext, AnswerMode mode, java.time.Duration delay) {
        return setAnswerMode(ext, mode.wire(), (int) Math.min(Integer.MAX_VALUE, delay.toMillis()));
    }

    // ---- waiting, as a test waits: woken by the PBX's own events, never by sleeping

    /** The phone's channel once it rings; fails after {@code timeout} naming what was seen. */
    public Calls.ChannelView awaitRinging(String ext, java.time.Duration timeout) {
        extension(ext);
        return SimulatorWait.until(
                pbx.events(),
                timeout,
                "extension " + ext + " ringing",
                () -> callOf(ext, "Ringing"),
                () -> "its calls: " + callsOf(ext));
    }

    /** The phone's channel once it is in a call (answered: state Up). */
    public Calls.ChannelView awaitInCall(String ext, java.time.Duration timeout) {
        extension(ext);
        return SimulatorWait.until(
                pbx.events(),
                timeout,
                "extension " + ext + " in a call",
                () -> callOf(ext, "Up"),
                () -> "its calls: " + callsOf(ext));
    }

    /** The extension once it shows {@code status}. */
    public ExtensionInfo awaitPresence(String ext, PresenceStatus status, java.time.Duration timeout) {
        extension(ext);
        return SimulatorWait.until(
                pbx.events(),
                timeout,
                "extension " + ext + " presence " + status.wire(),
                () -> Optional.of(extension(ext)).filter(e -> e.presence().equals(status.wire())),
                () -> "its presence: " + extension(ext).presence());
    }

    /** The session once {@code username} has logged in over AMI. */
    public AmiSessionInfo awaitAmiLogin(String username, java.time.Duration timeout) {
        return SimulatorWait.until(
                pbx.events(),
                timeout,
                "an AMI login of " + username,
                () -> amiSessions().stream()
                        .filter(s -> s.authenticated() && username.equals(s.user()))
                        .findFirst(),
                () -> "sessions: " + amiSessions());
    }

    private Optional<Calls.ChannelView> callOf(String ext, String state) {
        return calls.calls().stream()
                .filter(c -> ext.equals(c.extension()) && state.equals(c.state()))
                .findFirst();
    }

    private List<String> callsOf(String ext) {
        return calls.calls().stream()
                .filter(c -> ext.equals(c.extension()))
                .map(c -> c.channel() + " " + c.state())
                .toList();
    }

    /** Each watching key of each phone with its LED (VPK/MPK/EXT tables of the SIP Presence Guide). */
    public List<io.ucmkit.simulator.pbx.WatcherKey> watchers() {
        return pbx.watchers();
    }

    public List<AmiSessionInfo> amiSessions() {
        return ami.sessions().stream()
                .map(s -> new AmiSessionInfo(
                        s.id(),
                        String.valueOf(s.remoteAddress()),
                        s.username(),
                        s.authenticated(),
                        s.connectedAt().toString()))
                .toList();
    }

    public Optional<AmiUserConfig> amiUser(String name) {
        return ami.user(name);
    }

    public List<AmiUserConfig> amiUsers() {
        return ami.users();
    }

    /** Saves a user; like the UCM, this restarts the manager: every session gets Shutdown and is closed. */
    public void saveAmiUser(AmiUserConfig user) {
        var config = pbx.config().withAmiUser(user);
        io.ucmkit.simulator.config.PbxConfigValidator.validate(config);
        ami.saveUser(user);
    }

    public List<Journal.Entry> journal() {
        return ami.journal().entries();
    }

    public void clearJournal() {
        ami.journal().clear();
    }

    // ---- the phone: what a person does at it (Calls.CallException: 404 unknown extension, 409 nothing to act on)

    /** The ringing phone picks up. */
    public void answer(String ext) {
        calls.answer(ext);
    }

    /** The ringing phone rejects the call (SIP 603). */
    public void decline(String ext) {
        calls.decline(ext);
    }

    /** The phone hangs up its call (or rejects a ringing one). */
    public void hangup(String ext) {
        calls.hangup(ext);
    }

    /** The phone dials a number: an extension, an IVR, or a feature code such as {@code *48} or {@code *561001}. */
    public void dial(String ext, String number) {
        if (number == null || !number.matches("[0-9*#]{1,32}")) {
            throw new IllegalArgumentException("number: '" + number + "' is not 1 to 32 of 0-9, * and #");
        }
        calls.dial(ext, number);
    }

    /** The phone presses keys on its call: DTMFBegin/DTMFEnd for each digit. */
    public void dtmf(String ext, String digits) {
        if (digits == null || !digits.matches("[0-9*#A-Da-d]{1,32}")) {
            throw new IllegalArgumentException("digits: '" + digits + "' is not 1 to 32 of 0-9, *, # and A-D");
        }
        calls.dtmf(ext, digits);
    }

    /** Every live channel with its state, bridge peer and spy role. */
    public List<Calls.ChannelView> calls() {
        return calls.calls();
    }

    /**
     * Back to the configured PBX: every call hung up, AMI sessions closed, AMI users as configured
     * (saved ones dropped, changed ones restored), phones, presence and globals reset, journal cleared.
     */
    public void reset() {
        calls.hangupAll();
        ami.restoreConfiguredUsers(); // before the close, so a client that reconnects at once meets the configured
        // users
        ami.closeSessions();
        pbx.reset();
        ami.journal().clear();
    }

    /** Receives every event the PBX emits (with its class mask) until the handle is closed. */
    public AutoCloseable events(BiConsumer<AmiMessage, Integer> listener) {
        return pbx.events().subscribe(listener::accept);
    }
}
