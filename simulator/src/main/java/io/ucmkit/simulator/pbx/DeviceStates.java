package io.ucmkit.simulator.pbx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The device states of the {@link Pbx} model and the extension states of its hints (docs/ami.md §3.6): a
 * device's state is the one set on it (Setvar {@code DEVICE_STATE(...)}, a call), else derived from
 * its phone's registration, else UNKNOWN. A change publishes DeviceStateChange, then ExtensionStatus
 * for the hint holding the device (transcript 16). Part of the Pbx model, called with its lock held;
 * {@link #state} also without it (the set states are a concurrent map).
 */
final class DeviceStates {

    private final Pbx pbx;
    private final Map<String, String> set = new ConcurrentHashMap<>();

    DeviceStates(Pbx pbx) {
        this.pbx = pbx;
    }

    void clear() {
        set.clear();
    }

    /** A device's state: set explicitly, else derived from the phone's registration, else UNKNOWN. */
    String state(String device) {
        String s = set.get(device);
        if (s != null) {
            return s;
        }
        PbxPhone p = phoneOf(device);
        if (p != null) {
            return p.registered ? "NOT_INUSE" : "UNAVAILABLE";
        }
        return "UNKNOWN";
    }

    /** Every device with a known state, for DeviceStateList: the phones' in dialplan order, then the rest. */
    Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : pbx.hintedExtensions()) {
            out.put(pbx.device(n), state(pbx.device(n)));
        }
        set.forEach(out::putIfAbsent);
        return out;
    }

    /** The extension state of a hinted extension, -1 when there is no hint. */
    int extensionStatus(String number) {
        String hint = pbx.hint(number);
        if (hint == null) {
            return -1;
        }
        String devices = hint.substring(0, hint.lastIndexOf(','));
        List<String> states = new ArrayList<>();
        for (String d : devices.split("&")) {
            states.add(state(d));
        }
        return ExtensionStates.aggregate(states);
    }

    /** Sets a device state and publishes the change. */
    void set(String device, String state) {
        String old = state(device);
        set.put(device, state);
        publishChange(device, state, old);
    }

    /** A phone's state as its calls make it: {@code NOT_INUSE} drops the set state, so registration counts again. */
    void setByCall(String number, String state) {
        String device = pbx.device(number);
        String old = state(device);
        if (state.equals("NOT_INUSE")) {
            set.remove(device);
        } else {
            set.put(device, state);
        }
        publishChange(device, state(device), old);
    }

    /** Whether the device's state is set (a phone in a call keeps it through registrations). */
    boolean isSet(String device) {
        return set.containsKey(device);
    }

    void publishDeviceStateChange(String device, String state) {
        pbx.events().publish(PbxEvents.deviceStateChange(device, state));
    }

    void publishExtensionStatus(String number) {
        pbx.events()
                .publish(PbxEvents.extensionStatus(number, pbx.context(), pbx.hint(number), extensionStatus(number)));
    }

    private void publishChange(String device, String state, String old) {
        if (old.equals(state)) {
            return;
        }
        publishDeviceStateChange(device, state);
        // Each phone's hint holds exactly its own device (Pbx.hint), so a lookup finds the one hint to update.
        if (phoneOf(device) != null) {
            publishExtensionStatus(device.substring(pbx.tech().length() + 1));
        }
    }

    /** The phone whose device this is ({@code PJSIP/<ext>}), or null. */
    private PbxPhone phoneOf(String device) {
        String prefix = pbx.tech() + "/";
        return device.startsWith(prefix) ? pbx.phone(device.substring(prefix.length())) : null;
    }
}
