package io.ucmkit.simulator.call;

import java.util.Locale;
import java.util.Map;

/**
 * What Status, CoreShowChannels and {@code core show channels} report of one live channel, taken
 * under the engine's lock: its snapshot, what it runs, its bridge, its age and its variables in the
 * order they were first set.
 */
public record ChannelStatus(
        ChannelSnapshot channel,
        String application,
        String appData,
        String bridgeId,
        long seconds,
        Map<String, String> variables) {

    /** Channel variables plus the {@code CALLERID()} function (transcript 20); unset ones are empty. */
    public String variable(String name) {
        CallerId caller = channel.caller();
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID(ALL)" -> caller.all();
            case "CALLERID(NUM)" -> caller.number() == null ? "" : caller.number();
            case "CALLERID(NAME)" -> caller.name() == null ? "" : caller.name();
            default -> variables.getOrDefault(name, "");
        };
    }
}
