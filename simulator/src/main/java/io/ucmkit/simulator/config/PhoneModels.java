package io.ucmkit.simulator.config;

import java.util.List;
import java.util.Locale;

/**
 * Which key types a phone model offers for presence watching, and the LED each presence gives.
 * The LED tables are the SIP Presence Guide's (docs/simulator.md §5): VPK on GXP21XX/GXP17XX — Available,
 * Away, Custom GREEN; Chat, DND RED; Unavailable OFF; MPK — Available, Custom, Away ON; Chat, DND,
 * Unavailable OFF. The per-model support list below is our reading of Grandstream datasheets, not
 * the guide's table (not available to us): GXP2140/2160/2170 take an extension board, GXP2130/2135
 * do not; GXP1760 has no MPK; GXP16XX phones have line keys usable as VPK only.
 */
public final class PhoneModels {

    private PhoneModels() {}

    /** Key types the model supports, empty for an unknown model. */
    public static List<String> keyTypes(String model) {
        String m = model == null ? "" : model.toUpperCase(Locale.ROOT);
        return switch (m) {
            case "GXP2140", "GXP2160", "GXP2170" -> List.of("VPK", "MPK", "EXT");
            case "GXP2130", "GXP2135", "GXP1780", "GXP1782" -> List.of("VPK", "MPK");
            case "GXP1760", "GXP1625", "GXP1628", "GXP1630" -> List.of("VPK");
            default -> List.of();
        };
    }

    /** The LED of a key of this type for a UCM presence status (available|away|chat|dnd|custom|unavailable). */
    public static String led(String type, String presence) {
        if (type.equals("MPK")) {
            return switch (presence) {
                case "available", "custom", "away" -> "ON";
                default -> "OFF";
            };
        }
        return switch (presence) {
            case "available", "away", "custom" -> "GREEN";
            case "chat", "dnd" -> "RED";
            default -> "OFF";
        };
    }
}
