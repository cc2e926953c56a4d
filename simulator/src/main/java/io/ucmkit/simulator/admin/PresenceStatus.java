package io.ucmkit.simulator.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The six UCM presence statuses a user sets on the phone, by {@code *48} or in the user portal. */
public enum PresenceStatus {
    AVAILABLE,
    AWAY,
    CHAT,
    DND,
    CUSTOM,
    UNAVAILABLE;

    /** As the control API and {@code ExtensionInfo.presence()} spell it: {@code dnd}, {@code custom}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every status as spelled on the wire, in this order. */
    public static List<String> wires() {
        return Arrays.stream(values()).map(PresenceStatus::wire).toList();
    }

    /** The status spelled {@code wire} in any case, as the UCM accepts it; empty for anything else. */
    public static Optional<PresenceStatus> ofWire(String wire) {
        return wire == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(p -> p.wire().equals(wire.toLowerCase(Locale.ROOT)))
                        .findFirst();
    }
}
