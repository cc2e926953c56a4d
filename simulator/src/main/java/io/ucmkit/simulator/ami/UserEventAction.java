package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiHeader;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.ManagerEvent;

/**
 * UserEvent (docs/ami.md §3.10, transcript 24): {@code Message: Event Sent}, then an event with
 * {@code UserEvent: <name>} and every other request header in order — including the ActionID.
 */
final class UserEventAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        String name = ctx.request().get("UserEvent", "");
        if (name.isEmpty()) {
            ctx.error("Missing UserEvent");
            return;
        }
        ManagerEvent event = ManagerEvent.of("UserEvent", Privileges.USER, b -> {
            b.add("UserEvent", name);
            for (AmiHeader h : ctx.request().headers()) {
                if (!h.name().equalsIgnoreCase("Action") && !h.name().equalsIgnoreCase("UserEvent")) {
                    b.add(h.name(), h.value());
                }
            }
        });
        ctx.success("Event Sent");
        ctx.pbx().events().publish(event);
    }
}
