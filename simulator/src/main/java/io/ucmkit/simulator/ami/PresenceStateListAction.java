package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.pbx.Presence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PresenceStateList (docs/ami.md §3.7, transcript 15): PresenceStateChange items without Privilege. */
final class PresenceStateListAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        List<AmiMessage> items = new ArrayList<>();
        for (Map.Entry<String, Presence> e : ctx.pbx().presences().entrySet()) {
            items.add(AmiResponses.listItem(ctx.request(), "PresenceStateChange")
                    .add("Presentity", "CustomPresence:" + e.getKey())
                    .add("Status", e.getValue().state())
                    .add("Subtype", e.getValue().subtype())
                    .add("Message", e.getValue().message())
                    .build());
        }
        ctx.list("Presence State Changes will follow", items, "PresenceStateListComplete");
    }
}
