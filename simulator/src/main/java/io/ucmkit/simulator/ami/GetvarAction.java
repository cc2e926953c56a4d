package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.pbx.Presence;
import java.util.Locale;
import java.util.Optional;

/**
 * Getvar (docs/ami.md §3.10, transcript 24): without Channel, globals (an unset one is {@code Value: }
 * empty), {@code PRESENCE_STATE(CustomPresence:x,value|subtype|message)} and {@code DEVICE_STATE(dev)};
 * with a Channel, its variables from the call engine.
 */
final class GetvarAction extends VariableAction {

    GetvarAction(Calls calls) {
        super(calls);
    }

    @Override
    void withoutChannel(ActionContext ctx, String variable) {
        ctx.reply(answer(ctx.request(), variable, value(ctx, variable)));
    }

    @Override
    AmiMessage onChannel(AmiMessage action, String channel, String variable) {
        Optional<String> value = calls.getvar(channel, variable);
        if (value.isEmpty()) {
            return AmiResponses.error(action, "No such channel");
        }
        return answer(action, variable, value.get());
    }

    private static AmiMessage answer(AmiMessage action, String variable, String value) {
        return AmiResponses.success(action, null)
                .add("Variable", variable)
                .add("Value", value)
                .build();
    }

    private static String value(ActionContext ctx, String variable) {
        String presence = argument(variable, "PRESENCE_STATE");
        if (presence != null) {
            String[] args = presence.split(",");
            String provider = args.length < 2 ? null : customPresence(args[0]);
            if (provider == null) {
                return "";
            }
            Presence p = ctx.pbx().presence(provider);
            return switch (args[1].trim().toLowerCase(Locale.ROOT)) {
                case "value" -> p.state();
                case "subtype" -> p.subtype();
                case "message" -> p.message();
                default -> "";
            };
        }
        String device = argument(variable, "DEVICE_STATE");
        if (device != null) {
            return ctx.pbx().deviceState(device);
        }
        String v = ctx.pbx().global(variable);
        return v == null ? "" : v;
    }
}
