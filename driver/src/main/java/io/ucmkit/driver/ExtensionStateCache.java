package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The last presence and hint state of each extension, so that only changes become events. Presence: {@code
 * PresenceStateChange} and the hint-based {@code PresenceStatus} (both arrive for one change, surprise 14) update
 * one map; an event is emitted only when the value changes. A {@code Subtype} of {@code custom} is the UCM Custom
 * status (docs/ami.md §5.3). Both maps are keyed by names the PBX sends and stop growing at the {@link NameBound}. Not
 * thread-safe: used under the translator's lock.
 */
final class ExtensionStateCache {

    private final Clock clock;
    private final NameBound bound;
    private final Map<String, String> presence = new HashMap<>();
    private final Map<String, String> extensionStates = new HashMap<>();

    ExtensionStateCache(Clock clock, NameBound bound) {
        this.clock = clock;
        this.bound = bound;
    }

    /** Extensions with a hint, from the last ExtensionStateList; empty when unknown. */
    Set<String> knownExtensions() {
        return Set.copyOf(extensionStates.keySet());
    }

    /** {@code PresenceStateChange}, or a {@code PresenceStateList} item: the extension is after the colon. */
    void presenceChange(List<DriverEvent> out, AmiMessage m) {
        presence(out, afterColon(m.get("Presentity")), m);
    }

    /** {@code PresenceStatus}: the extension is its {@code Exten}. */
    void presenceStatus(List<DriverEvent> out, AmiMessage m) {
        presence(out, m.get("Exten"), m);
    }

    /** {@code ExtensionStatus} or an ExtensionStateList item; a change is reported only with {@code emit}. */
    void extensionStatus(List<DriverEvent> out, AmiMessage m, boolean emit) {
        String ext = m.get("Exten");
        String text = m.get("StatusText");
        if (ext == null || text == null) {
            return;
        }
        String before = extensionStates.get(ext);
        if (before != null || !bound.full(extensionStates.size(), "extension states")) {
            extensionStates.put(ext, text);
        }
        if (!text.equals(before) && emit) {
            out.add(new DriverEvent.ExtensionState(ext, text, clock.instant()));
        }
    }

    private void presence(List<DriverEvent> out, String extension, AmiMessage m) {
        if (extension == null || extension.isEmpty()) {
            return;
        }
        String status = m.get("Status", "").toLowerCase(Locale.ROOT);
        if ("custom".equalsIgnoreCase(m.get("Subtype"))) {
            status = "custom";
        }
        String text = m.get("Message", "");
        String value = status + "\u0000" + text;
        String before = presence.get(extension);
        if (before != null || !bound.full(presence.size(), "presentities")) {
            presence.put(extension, value);
        }
        if (!value.equals(before)) {
            out.add(new DriverEvent.Presence(extension, status, text, clock.instant()));
        }
    }

    private static String afterColon(String presentity) {
        if (presentity == null) {
            return null;
        }
        int colon = presentity.indexOf(':');
        return colon < 0 ? presentity : presentity.substring(colon + 1);
    }
}
