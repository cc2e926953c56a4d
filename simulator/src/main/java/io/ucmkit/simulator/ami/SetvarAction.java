package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.pbx.ExtensionStates;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.util.Locale;

/**
 * Setvar (docs/ami.md §3.10, transcripts 13, 16, 24): without Channel it writes a global variable
 * (VarSet, Channel none) or a function — {@code PRESENCE_STATE(CustomPresence:x)} and
 * {@code DEVICE_STATE(Custom:x)} / {@code DEVICE_STATE(PJSIP/x)}; with a Channel, a variable of that
 * channel in the call engine (VarSet on the channel).
 */
final class SetvarAction extends VariableAction {

    SetvarAction(Calls calls) {
        super(calls);
    }

    @Override
    void withoutChannel(ActionContext ctx, String variable) {
        String value = ctx.request().get("Value");
        if (value == null) {
            ctx.error("No value specified");
            return;
        }
        Pbx pbx = ctx.pbx();
        String provider = argument(variable, "PRESENCE_STATE");
        if (provider != null) {
            String name = customPresence(provider);
            Presence p = name != null ? Presence.parseWritten(value) : null;
            // An invalid state or provider: Asterisk logs a warning and publishes nothing, but Setvar still succeeds.
            ctx.success("Variable Set");
            if (p != null) {
                pbx.setPresence(name, p, Pbx.PresenceSource.SETVAR);
            }
            return;
        }
        String device = argument(variable, "DEVICE_STATE");
        if (device != null) {
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

    /** No Value sets "" (manager.c action_setvar). */
    @Override
    AmiMessage onChannel(AmiMessage action, String channel, String variable) {
        if (!calls.setvar(channel, variable, action.get("Value", ""))) {
            return AmiResponses.error(action, "No such channel");
        }
        return AmiResponses.success(action, "Variable Set").build();
    }
}
