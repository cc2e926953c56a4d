package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;

/**
 * ListCommands (AMI.md §3.9, transcript 25): one {@code <Action>: <synopsis>  (Priv: <classes>)}
 * header per action the user may run, sorted, inside the one response.
 */
final class ListCommandsAction implements ActionHandler {

    @Override
    public String action() {
        return "ListCommands";
    }

    @Override
    public String synopsis() {
        return "List available manager commands.";
    }

    @Override
    public int privilege() {
        return 0;
    }

    @Override
    public void handle(ActionContext ctx) {
        AmiMessage.Builder b = AmiResponses.success(ctx.request(), null);
        for (ActionHandler h : ctx.server().registry().all()) {
            if (h.privilege() == 0 || (ctx.session().writePerm() & h.privilege()) != 0) {
                b.add(h.action(), h.synopsis() + "  (Priv: " + Privileges.listCommandsPrivilege(h.privilege()) + ")");
            }
        }
        ctx.reply(b.build());
    }
}
