package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import java.util.ArrayList;
import java.util.List;

/** DeviceStateList (docs/ami.md §3.8, transcript 15): DeviceStateChange items without Privilege. */
final class DeviceStateListAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        List<AmiMessage> items = new ArrayList<>();
        ctx.pbx()
                .deviceStates()
                .forEach((device, state) -> items.add(AmiResponses.listItem(ctx.request(), "DeviceStateChange")
                        .add("Device", device)
                        .add("State", state)
                        .build()));
        ctx.list("Device State Changes will follow", items, "DeviceStateListComplete");
    }
}
