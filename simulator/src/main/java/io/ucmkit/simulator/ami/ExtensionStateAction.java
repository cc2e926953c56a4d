package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.pbx.ExtensionStates;
import io.ucmkit.simulator.pbx.Pbx;

/**
 * ExtensionState (docs/ami.md §3.6, transcript 11): a missing exten or context is still a Success with
 * {@code Status: -1}, {@code StatusText: Unknown} and an empty {@code Hint:}; Context defaults to {@code default}.
 */
final class ExtensionStateAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        Pbx pbx = ctx.pbx();
        String exten = ctx.request().get("Exten", "");
        String context = ctx.request().get("Context", "");
        if (context.isEmpty()) {
            context = "default";
        }
        String hint = context.equals(pbx.context()) ? pbx.hint(exten) : null;
        int status = hint == null ? -1 : pbx.extensionStatus(exten);
        ctx.reply(AmiResponses.success(ctx.request(), "Extension Status")
                .add("Exten", exten)
                .add("Context", context)
                .add("Hint", hint == null ? "" : hint)
                .add("Status", Integer.toString(status))
                .add("StatusText", ExtensionStates.text(status))
                .build());
    }
}
