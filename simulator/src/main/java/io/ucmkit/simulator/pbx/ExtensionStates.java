package io.ucmkit.simulator.pbx;

import java.util.List;
import java.util.Map;

/**
 * Device-state strings (docs/ami.md §3.8) and the extension-state codes a hint aggregates them to
 * (docs/ami.md §3.6, include/asterisk/pbx.h).
 */
public final class ExtensionStates {

    public static final List<String> DEVICE_STATES = List.of(
            "UNKNOWN", "NOT_INUSE", "INUSE", "BUSY", "INVALID", "UNAVAILABLE", "RINGING", "RINGINUSE", "ONHOLD");

    private static final Map<Integer, String> TEXT = Map.of(
            -2,
            "Unknown",
            -1,
            "Unknown",
            0,
            "Idle",
            1,
            "InUse",
            2,
            "Busy",
            4,
            "Unavailable",
            8,
            "Ringing",
            9,
            "InUse&Ringing",
            16,
            "Hold",
            17,
            "InUse&Hold");

    private ExtensionStates() {}

    public static String text(int status) {
        return TEXT.getOrDefault(status, "Unknown");
    }

    /** ast_devstate_to_extenstate, then the aggregate over the hint's devices (ast_devstate_aggregate). */
    public static int aggregate(List<String> deviceStates) {
        boolean inuse = false;
        boolean ringing = false;
        boolean busy = false;
        boolean hold = false;
        boolean allUnavailable = !deviceStates.isEmpty();
        for (String s : deviceStates) {
            switch (s) {
                case "INUSE" -> inuse = true;
                case "RINGING" -> ringing = true;
                case "RINGINUSE" -> {
                    ringing = true;
                    inuse = true;
                }
                case "BUSY" -> busy = true;
                case "ONHOLD" -> hold = true;
                default -> {}
            }
            if (!s.equals("UNAVAILABLE") && !s.equals("INVALID")) {
                allUnavailable = false;
            }
        }
        if (busy) {
            return 2;
        }
        if (ringing) {
            return inuse ? 9 : 8;
        }
        if (hold) {
            return inuse ? 17 : 16;
        }
        if (inuse) {
            return 1;
        }
        return allUnavailable ? 4 : 0;
    }
}
