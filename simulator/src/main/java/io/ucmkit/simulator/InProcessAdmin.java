package io.ucmkit.simulator;

import io.ucmkit.ami.AmiHeader;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.AmiSessionInfo;
import io.ucmkit.simulator.admin.AmiUserInfo;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.ChannelInfo;
import io.ucmkit.simulator.admin.ExtensionInfo;
import io.ucmkit.simulator.admin.JournalEntry;
import io.ucmkit.simulator.admin.PbxEvent;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.admin.SimulatorException;
import io.ucmkit.simulator.admin.WatcherKeyInfo;
import io.ucmkit.simulator.ami.AmiServer;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.config.PbxConfigException;
import io.ucmkit.simulator.config.PbxConfigValidator;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The {@link Admin} of a simulator in this process: straight calls into the PBX model, the call
 * engine and the AMI server, which return the admin's records where they have one (the admin
 * package is a leaf: it depends on none of them); sessions, users and events are mapped here. An extension is looked up before anything else, so an unknown one is
 * {@code UNKNOWN_EXTENSION} whatever else is wrong, as over HTTP.
 */
final class InProcessAdmin implements Admin {

    private static final Pattern NUMBER = Pattern.compile("[0-9*#]{1,32}");
    private static final Pattern DIGITS = Pattern.compile("[0-9*#A-Da-d]{1,32}");

    private final Pbx pbx;
    private final Calls calls;
    private final AmiServer ami;

    InProcessAdmin(Pbx pbx, Calls calls, AmiServer ami) {
        this.pbx = pbx;
        this.calls = calls;
        this.ami = ami;
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return pbx.extensions();
    }

    @Override
    public ExtensionInfo extension(String ext) {
        return pbx.extension(ext).orElseThrow(() -> SimulatorException.unknownExtension(ext));
    }

    @Override
    public ExtensionInfo setPresence(String ext, PresenceStatus status, String text) {
        extension(ext);
        Presence value;
        try {
            value = Presence.ofUcm(status.wire(), text);
        } catch (IllegalArgumentException e) { // the Custom text: Presence holds its rule
            throw SimulatorException.invalidValue(e.getMessage());
        }
        pbx.setPresence(ext, value, Pbx.PresenceSource.GUI);
        return extension(ext);
    }

    @Override
    public ExtensionInfo setRegistered(String ext, boolean registered) {
        extension(ext);
        pbx.setRegistered(ext, registered);
        return extension(ext);
    }

    @Override
    public ExtensionInfo setAnswerMode(String ext, AnswerMode mode, Duration delay) {
        extension(ext);
        long delayMs = delay.toMillis();
        if (delayMs < 0 || delayMs > AnswerMode.MAX_DELAY_MS) {
            // named as the control API's field, which passes this message on as it is
            throw SimulatorException.invalidValue("delayMs: " + delayMs + " is outside 0.." + AnswerMode.MAX_DELAY_MS);
        }
        pbx.setAnswerMode(ext, mode.wire(), (int) delayMs);
        return extension(ext);
    }

    @Override
    public List<WatcherKeyInfo> watchers() {
        return pbx.watchers();
    }

    @Override
    public void answer(String ext) {
        extension(ext);
        calls.answer(ext);
    }

    @Override
    public void decline(String ext) {
        extension(ext);
        calls.decline(ext);
    }

    @Override
    public void hangup(String ext) {
        extension(ext);
        calls.hangup(ext);
    }

    @Override
    public void dial(String ext, String number) {
        extension(ext);
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw SimulatorException.invalidValue("number: '" + number + "' is not 1 to 32 of 0-9, * and #");
        }
        calls.dial(ext, number);
    }

    @Override
    public void dtmf(String ext, String digits) {
        extension(ext);
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw SimulatorException.invalidValue("digits: '" + digits + "' is not 1 to 32 of 0-9, *, # and A-D");
        }
        calls.dtmf(ext, digits);
    }

    @Override
    public List<ChannelInfo> calls() {
        return calls.calls();
    }

    @Override
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

    @Override
    public Optional<AmiUserInfo> amiUser(String name) {
        return ami.user(name).map(u -> new AmiUserInfo(u.username(), u.secret(), u.permit(), u.read(), u.write()));
    }

    @Override
    public void saveAmiUser(AmiUserInfo user) {
        AmiUserConfig config =
                new AmiUserConfig(user.username(), user.secret(), user.permit(), user.read(), user.write());
        try {
            PbxConfigValidator.validate(pbx.config().withAmiUser(config));
        } catch (PbxConfigException e) {
            throw SimulatorException.invalidValue(e.getMessage());
        }
        ami.saveUser(config);
    }

    @Override
    public List<JournalEntry> journal() {
        return ami.journal().entries();
    }

    @Override
    public void clearJournal() {
        ami.journal().clear();
    }

    @Override
    public void reset() {
        calls.hangupAll();
        ami.restoreConfiguredUsers(); // before the close, so a client that reconnects at once meets the configured
        // users
        ami.closeSessions();
        pbx.reset();
        ami.journal().clear();
    }

    @Override
    public Subscription events(Consumer<PbxEvent> listener) {
        AutoCloseable handle = pbx.events().subscribe((event, mask) -> listener.accept(event(event, mask)));
        return () -> {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing an event subscription failed", e);
            }
        };
    }

    private static PbxEvent event(AmiMessage event, int mask) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (AmiHeader h : event.headers()) {
            headers.merge(h.name(), h.value(), (a, b) -> a + "\n" + b);
        }
        return new PbxEvent(event.eventName(), Privileges.eventPrivilege(mask), headers);
    }
}
