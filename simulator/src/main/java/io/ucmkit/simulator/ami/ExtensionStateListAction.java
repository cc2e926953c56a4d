package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.pbx.ExtensionStates;
import io.ucmkit.simulator.pbx.Pbx;
import java.util.ArrayList;
import java.util.List;

/** ExtensionStateList (docs/ami.md §3.6, transcript 12): ExtensionStatus items without Privilege. */
final class ExtensionStateListAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        Pbx pbx = ctx.pbx();
        List<String> hinted = pbx.hintedExtensions();
        if (hinted.isEmpty()) {
            ctx.error("No dialplan hints are available");
            return;
        }
        List<AmiMessage> items = new ArrayList<>();
        for (String n : hinted) {
            int status = pbx.extensionStatus(n);
            items.add(AmiResponses.listItem(ctx.request(), "ExtensionStatus")
                    .add("Exten", n)
                    .add("Context", pbx.context())
                    .add("Hint", pbx.hint(n))
                    .add("Status", Integer.toString(status))
                    .add("StatusText", ExtensionStates.text(status))
                    .build());
        }
        ctx.list("Extension Statuses will follow", items, "ExtensionStateListComplete");
    }
}
