package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;

/**
 * ListCommands (docs/ami.md §3.9, transcript 25): one {@code <Action>: <synopsis>  (Priv: <classes>)}
 * header per action the user may run, sorted, inside the one response.
 */
final class ListCommandsAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        AmiMessage.Builder b = AmiResponses.success(ctx.request(), null);
        for (RegisteredAction a : ctx.server().registry().all()) {
            ActionSpec h = a.spec();
            if (h.privilege() == 0 || (ctx.session().writePerm() & h.privilege()) != 0) {
                b.add(h.name(), h.synopsis() + "  (Priv: " + Privileges.listCommandsPrivilege(h.privilege()) + ")");
            }
        }
        ctx.reply(b.build());
    }
}
