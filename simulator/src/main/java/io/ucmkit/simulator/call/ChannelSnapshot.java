package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;

/**
 * A channel as one event or list item shows it: the snapshot block of docs/ami.md §4.1, the same for
 * every channel event the engine publishes and for the Status and CoreShowChannel items the AMI
 * actions answer with.
 */
public record ChannelSnapshot(
        String name,
        ChannelState state,
        CallerId caller,
        CallerId connected,
        String context,
        String exten,
        int priority,
        String uniqueid,
        String linkedid) {

    /** Values {@code null} or empty print {@code <unknown>}, as in every channel snapshot (docs/ami.md §4.1). */
    public static String orUnknown(String value) {
        return value == null || value.isEmpty() ? "<unknown>" : value;
    }

    /** docs/ami.md §4.1, in order; {@code prefix} is {@code ""}, {@code Dest}, {@code Spyer}, {@code Spyee}. */
    public AmiMessage.Builder writeTo(AmiMessage.Builder b, String prefix) {
        return b.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", Integer.toString(state.code()))
                .add(prefix + "ChannelStateDesc", state.text())
                .add(prefix + "CallerIDNum", orUnknown(caller.number()))
                .add(prefix + "CallerIDName", orUnknown(caller.name()))
                .add(prefix + "ConnectedLineNum", orUnknown(connected.number()))
                .add(prefix + "ConnectedLineName", orUnknown(connected.name()))
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", Integer.toString(priority))
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
    }
}
