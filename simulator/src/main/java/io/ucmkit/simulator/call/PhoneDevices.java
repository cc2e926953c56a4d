package io.ucmkit.simulator.call;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The device state each phone's legs give it — ringing → RINGING, any other leg → INUSE, both →
 * RINGINUSE — and the changes the PBX model is told about, which raise DeviceStateChange and
 * ExtensionStatus (Ringing, InUse, InUse&Ringing, Idle) on the hints. Part of the {@link CallEngine},
 * under its lock.
 */
final class PhoneDevices {

    private final PbxPort pbx;
    private final Map<String, PbxPort.DeviceState> states = new HashMap<>();
    /** Extensions whose legs were created, removed, or started/stopped ringing since the last update. */
    private final Set<String> dirty = new LinkedHashSet<>();

    PhoneDevices(PbxPort pbx) {
        this.pbx = pbx;
    }

    void changed(String ext) {
        dirty.add(ext);
    }

    /** Recomputes the changed phones' states from {@code legsByPhone} and reports those that moved. */
    void update(Map<String, List<SimChannel>> legsByPhone) {
        for (String ext : List.copyOf(dirty)) {
            dirty.remove(ext);
            boolean ringing = false;
            boolean inUse = false;
            for (SimChannel c : legsByPhone.getOrDefault(ext, List.of())) {
                if (c.activity() == SimChannel.Activity.RINGING) {
                    ringing = true;
                } else {
                    inUse = true;
                }
            }
            PbxPort.DeviceState state = ringing && inUse
                    ? PbxPort.DeviceState.RINGINUSE
                    : ringing
                            ? PbxPort.DeviceState.RINGING
                            : inUse ? PbxPort.DeviceState.INUSE : PbxPort.DeviceState.NOT_INUSE;
            PbxPort.DeviceState before =
                    state == PbxPort.DeviceState.NOT_INUSE ? states.remove(ext) : states.put(ext, state);
            if ((before == null ? PbxPort.DeviceState.NOT_INUSE : before) != state) {
                pbx.deviceStateChanged(ext, state);
            }
        }
    }
}
