package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.call.ChannelSnapshot;
import io.ucmkit.simulator.call.ChannelStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status (docs/ami.md §3.4, transcript 20): {@code Privilege: Call}, the requested {@code Variables},
 * every channel variable with {@code AllVariables: true}, ActionID last, Items in the end.
 */
final class StatusAction implements ImmediateAction {

    private final Calls calls;

    StatusAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public List<AmiMessage> answer(AmiMessage action) {
        Optional<List<ChannelStatus>> selected = calls.status(action.getNonEmpty("Channel"));
        if (selected.isEmpty()) {
            return List.of(AmiResponses.error(action, "No such channel"));
        }
        String vars = action.get("Variables", "");
        boolean allVariables = AmiValues.astTrue(action.get("AllVariables", ""));
        List<AmiMessage> out = new ArrayList<>();
        out.add(AmiResponses.listStart(action, "Channel status will follow"));
        for (ChannelStatus c : selected.get()) {
            ChannelSnapshot s = c.channel();
            AmiMessage.Builder b =
                    s.writeTo(AmiMessage.builder().add("Event", "Status").add("Privilege", "Call"), "");
            b.add("Type", s.name().substring(0, s.name().indexOf('/')))
                    .add("DNID", "")
                    .add(
                            "EffectiveConnectedLineNum",
                            ChannelSnapshot.orUnknown(s.connected().number()))
                    .add(
                            "EffectiveConnectedLineName",
                            ChannelSnapshot.orUnknown(s.connected().name()))
                    .add("TimeToHangup", "0")
                    .add("BridgeID", c.bridgeId())
                    .add("Application", c.application())
                    .add("Data", c.appData())
                    .add("Nativeformats", "(ulaw)")
                    .add("Readformat", "ulaw")
                    .add("Readtrans", "")
                    .add("Writeformat", "ulaw")
                    .add("Writetrans", "")
                    .add("Callgroup", "0")
                    .add("Pickupgroup", "0")
                    .add("Seconds", Long.toString(c.seconds()));
            for (String v : vars.split(",")) {
                if (!v.isBlank()) {
                    b.add("Variable", v.trim() + "=" + c.variable(v.trim()));
                }
            }
            if (allVariables) {
                // generate_status walks the channel's list, where the newest variable is first.
                List<Map.Entry<String, String>> set =
                        new ArrayList<>(c.variables().entrySet());
                for (int i = set.size() - 1; i >= 0; i--) {
                    b.add("Variable", set.get(i).getKey() + "=" + set.get(i).getValue());
                }
            }
            out.add(b.addActionId(action.actionId()).build());
        }
        int items = selected.get().size();
        out.add(AmiResponses.listItem(action, "StatusComplete")
                .add("EventList", "Complete")
                .add("ListItems", Integer.toString(items))
                .add("Items", Integer.toString(items))
                .build());
        return out;
    }
}
