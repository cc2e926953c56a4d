package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.admin.ExtensionInfo;
import io.ucmkit.simulator.admin.WatcherKeyInfo;
import io.ucmkit.simulator.config.ExtensionConfig;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.event.ManagerEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PBX model the AMI actions, the control API and the call model (through {@link PbxCallPort})
 * drive: extensions with a phone each (registered, model, answer mode), device states, hints
 * ({@code PJSIP/<ext>,CustomPresence:<ext>}; Asterisk takes the presence provider after the last
 * comma — transcripts README), CustomPresence values and global variables. Every change publishes
 * the events Asterisk would on {@link #events()}. All mutators synchronise on this object so the
 * event order matches the order of changes; its parts ({@link DeviceStates}, {@link SipRegistrar},
 * {@link PbxEvents}) run under that lock. The call engine calls in here with its own lock held (engine, then PBX);
 * the PBX never calls the engine.
 */
public final class Pbx {

    /** Who set a presence: the order of PresenceStatus/PresenceStateChange differs (transcript 13). */
    public enum PresenceSource {
        SETVAR,
        CLI,
        GUI
    }

    private final PbxConfig config;
    private final EventBus events;
    private final Clock clock;
    private final Map<String, PbxPhone> phones = new LinkedHashMap<>();
    private final Map<String, Presence> presence = new ConcurrentHashMap<>();
    private final Map<String, String> globals = new ConcurrentHashMap<>();
    private final DeviceStates devices = new DeviceStates(this);
    private final SipRegistrar registrar;

    public Pbx(PbxConfig config, EventBus events) {
        this(config, events, Clock.systemUTC());
    }

    /** With the clock that dates registrations (ExpirationTime) and security events (EventTV). */
    public Pbx(PbxConfig config, EventBus events, Clock clock) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.registrar = new SipRegistrar(this, clock);
        reset();
    }

    /** Back to the configured state: phones as configured, every presence Available (UCM default), no globals. */
    public synchronized void reset() {
        phones.clear();
        devices.clear();
        presence.clear();
        globals.clear();
        for (ExtensionConfig e : config.extensions()) {
            PbxPhone p = new PbxPhone(e, phones.size());
            if (p.registered) {
                p.sipContact = SipContact.register(e.number(), p.contact, p.model, clock.instant());
            }
            phones.put(e.number(), p);
            presence.put(e.number(), Presence.AVAILABLE);
        }
    }

    public PbxConfig config() {
        return config;
    }

    public EventBus events() {
        return events;
    }

    public String context() {
        return config.context();
    }

    public String tech() {
        return config.channelTech();
    }

    public synchronized List<ExtensionInfo> extensions() {
        List<ExtensionInfo> out = new ArrayList<>();
        for (String n : phones.keySet()) {
            out.add(info(n));
        }
        return out;
    }

    public synchronized Optional<ExtensionInfo> extension(String number) {
        return phones.containsKey(number) ? Optional.of(info(number)) : Optional.empty();
    }

    private ExtensionInfo info(String n) {
        PbxPhone p = phones.get(n);
        Presence pr = presence(n);
        String ucm = pr.ucmStatus();
        int status = extensionStatus(n);
        return new ExtensionInfo(
                n,
                p.name,
                p.model,
                p.registered,
                p.registered ? p.contact : "",
                p.answerMode,
                p.answerDelayMs,
                ucm,
                ucm.equals("custom") ? pr.message() : "",
                pr.state(),
                hint(n),
                status,
                ExtensionStates.text(status),
                deviceState(device(n)));
    }

    /** The phone's device name, e.g. {@code PJSIP/1000}. */
    public String device(String number) {
        return tech() + "/" + number;
    }

    /** The hint of an extension in the PBX context, or null when there is none. */
    public String hint(String number) {
        return phones.containsKey(number) ? device(number) + ",CustomPresence:" + number : null;
    }

    /** Hints in dialplan order (ExtensionStateList). */
    public synchronized List<String> hintedExtensions() {
        return new ArrayList<>(phones.keySet());
    }

    /** A device's state: set explicitly, else derived from the phone's registration, else UNKNOWN. */
    public String deviceState(String device) {
        return devices.state(device);
    }

    /** Every device with a known state, for DeviceStateList. */
    public synchronized Map<String, String> deviceStates() {
        return devices.all();
    }

    /** The extension state of a hinted extension (docs/ami.md §3.6), -1 when there is no hint. */
    public synchronized int extensionStatus(String number) {
        return devices.extensionStatus(number);
    }

    /**
     * Sets a device state (Setvar {@code DEVICE_STATE(...)}, registration, calls) and publishes
     * DeviceStateChange then ExtensionStatus for every hint containing the device (transcript 16).
     */
    public synchronized void setDeviceState(String device, String state) {
        devices.set(device, state);
    }

    /**
     * A phone's device state as its calls make it: {@code NOT_INUSE} drops the override, so the
     * state is derived from registration again (an idle phone that later unregisters reads
     * UNAVAILABLE, not a stale NOT_INUSE).
     */
    public synchronized void setCallDeviceState(String number, String state) {
        devices.setByCall(number, state);
    }

    /**
     * Registers or unregisters a phone, with the events a real Asterisk with PJSIP publishes
     * (transcript 47): {@link SipRegistrar}.
     */
    public synchronized boolean setRegistered(String number, boolean registered) {
        return registrar.setRegistered(number, registered);
    }

    /**
     * ChallengeSent then SuccessfulAuth for a SIP request of this extension's phone, sent from its
     * contact (a REGISTER here; an INVITE the phone dials, transcripts 44 and 46), to {@code security}
     * readers only.
     */
    public synchronized void publishSipAuthentication(String number, String callId) {
        registrar.publishSipAuthentication(number, callId);
    }

    /** The registered contacts, in the order PJSIPShowContacts lists them (by contact id). */
    public synchronized List<SipContact> sipContacts() {
        return registrar.contacts();
    }

    /** The phone of an extension, or null (under this object's lock). */
    PbxPhone phone(String number) {
        return phones.get(number);
    }

    /** The device and hint states, for the registrar (under this object's lock). */
    DeviceStates devices() {
        return devices;
    }

    public synchronized boolean setAnswerMode(String number, String mode, int delayMs) {
        PbxPhone p = phones.get(number);
        if (p == null) {
            return false;
        }
        p.answerMode = mode;
        p.answerDelayMs = delayMs;
        return true;
    }

    /** The CustomPresence value of a provider name, {@code not_set} if never written. */
    public Presence presence(String name) {
        return presence.getOrDefault(name, Presence.NOT_SET);
    }

    /** Every written CustomPresence provider (PresenceStateList). */
    public synchronized Map<String, Presence> presences() {
        return new LinkedHashMap<>(presence);
    }

    /**
     * Writes {@code CustomPresence:<name>} and publishes PresenceStateChange plus PresenceStatus for
     * the hint that references it. Asterisk delivers both through stasis in no fixed order; we use
     * the order transcript 13 shows for each path (Setvar: PresenceStatus first; CLI: change first).
     */
    public synchronized void setPresence(String name, Presence value, PresenceSource source) {
        presence.put(name, value);
        ManagerEvent change = PbxEvents.presenceStateChange(name, value);
        ManagerEvent status =
                phones.containsKey(name) ? PbxEvents.presenceStatus(name, context(), hint(name), value) : null;
        if (source == PresenceSource.SETVAR && status != null) {
            events.publish(status);
            events.publish(change);
        } else {
            events.publish(change);
            if (status != null) {
                events.publish(status);
            }
        }
    }

    /**
     * Every presence key of every phone with the LED it shows now (docs/simulator.md §5, watchers), in config order.
     */
    public synchronized List<WatcherKeyInfo> watchers() {
        return WatcherKeys.all(config, this::presence);
    }

    public String global(String name) {
        return globals.get(name);
    }

    /** Sets a global variable; Asterisk publishes VarSet with {@code Channel: none} (transcripts README #24). */
    public synchronized void setGlobal(String name, String value) {
        globals.put(name, value);
        events.publish(PbxEvents.globalVarSet(name, value));
    }
}
