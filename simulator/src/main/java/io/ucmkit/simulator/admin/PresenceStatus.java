package io.ucmkit.simulator.admin;

import java.util.Locale;

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
}
