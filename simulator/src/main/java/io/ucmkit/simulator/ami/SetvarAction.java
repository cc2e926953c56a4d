package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.pbx.ExtensionStates;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.util.List;
import java.util.Locale;

/**
 * Setvar (AMI.md §3.10, transcripts 13, 16, 24): without Channel it writes a global variable
 * (VarSet, Channel none) or a function — {@code PRESENCE_STATE(CustomPresence:x)} and
 * {@code DEVICE_STATE(Custom:x)} / {@code DEVICE_STATE(PJSIP/x)}; with a Channel, a variable of that
 * channel in the call engine (VarSet on the channel).
 */
final class SetvarAction implements ActionHandler {

    private final Calls calls;

    SetvarAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public void handle(ActionContext ctx) {
        if (!ctx.request().get("Channel", "").isEmpty()) {
            onChannel(ctx.request()).forEach(ctx::reply);
            return;
        }
        String variable = ctx.request().get("Variable", "");
        String value = ctx.request().get("Value");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        if (value == null) {
            ctx.error("No value specified");
            return;
        }
        Pbx pbx = ctx.pbx();
        String upper = variable.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PRESENCE_STATE(") && variable.endsWith(")")) {
            String provider = variable.substring(15, variable.length() - 1);
            Presence p =
                    provider.regionMatches(true, 0, "CustomPresence:", 0, 15) ? Presence.parseWritten(value) : null;
            // An invalid state or provider: Asterisk logs a warning and publishes nothing, but Setvar still succeeds.
            ctx.success("Variable Set");
            if (p != null) {
                pbx.setPresence(provider.substring(15), p, Pbx.PresenceSource.SETVAR);
            }
            return;
        }
        if (upper.startsWith("DEVICE_STATE(") && variable.endsWith(")")) {
            String device = variable.substring(13, variable.length() - 1);
            String state = value.trim().toUpperCase(Locale.ROOT);
            ctx.success("Variable Set");
            if (ExtensionStates.DEVICE_STATES.contains(state)
                    && (device.startsWith("Custom:") || device.startsWith(pbx.tech() + "/"))) {
                pbx.setDeviceState(device, state);
            }
            return;
        }
        ctx.success("Variable Set");
        pbx.setGlobal(variable, value);
    }

    /** With a Channel: Variable first, then the channel; no Value sets "" (manager.c action_setvar). */
    List<AmiMessage> onChannel(AmiMessage action) {
        String name = action.getNonEmpty("Variable");
        if (name == null) {
            return List.of(AmiResponses.error(action, "No variable specified"));
        }
        if (!calls.setvar(action.get("Channel", ""), name, action.get("Value", ""))) {
            return List.of(AmiResponses.error(action, "No such channel"));
        }
        return List.of(AmiResponses.success(action, "Variable Set").build());
    }
}
