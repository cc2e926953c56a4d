package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.pbx.Presence;

/**
 * PresenceState (docs/ami.md §3.7, transcript 14): two {@code Message:} headers when a message is set;
 * {@code not_set} omits Subtype and Message; only {@code CustomPresence:} providers exist here.
 */
final class PresenceStateAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        String provider = ctx.request().get("Provider", "");
        if (provider.isEmpty()) {
            ctx.error("No provider specified");
            return;
        }
        if (!provider.regionMatches(true, 0, "CustomPresence:", 0, 15)) {
            ctx.error("Invalid provider " + provider + " or provider in invalid state");
            return;
        }
        Presence p = ctx.pbx().presence(provider.substring(15));
        AmiMessage.Builder b =
                AmiResponses.success(ctx.request(), "Presence State").add("State", p.state());
        if (!p.subtype().isEmpty()) {
            b.add("Subtype", p.subtype());
        }
        if (!p.message().isEmpty()) {
            b.add("Message", p.message()).add("PresenceMessage", p.message());
        }
        ctx.reply(b.build());
    }
}
