package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.pbx.Presence;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Getvar (AMI.md §3.10, transcript 24): without Channel, globals (an unset one is {@code Value: }
 * empty), {@code PRESENCE_STATE(CustomPresence:x,value|subtype|message)} and {@code DEVICE_STATE(dev)};
 * with a Channel, its variables from the call engine.
 */
final class GetvarAction implements ActionHandler {

    private final Calls calls;

    GetvarAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public void handle(ActionContext ctx) {
        if (!ctx.request().get("Channel", "").isEmpty()) {
            onChannel(ctx.request()).forEach(ctx::reply);
            return;
        }
        String variable = ctx.request().get("Variable", "");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        ctx.reply(AmiResponses.success(ctx.request(), null)
                .add("Variable", variable)
                .add("Value", value(ctx, variable))
                .build());
    }

    /** With a Channel: the Variable header is checked before the channel (manager.c action_getvar). */
    List<AmiMessage> onChannel(AmiMessage action) {
        String name = action.getNonEmpty("Variable");
        if (name == null) {
            return List.of(AmiResponses.error(action, "No variable specified"));
        }
        Optional<String> value = calls.getvar(action.get("Channel", ""), name);
        if (value.isEmpty()) {
            return List.of(AmiResponses.error(action, "No such channel"));
        }
        return List.of(AmiResponses.success(action, null)
                .add("Variable", name)
                .add("Value", value.get())
                .build());
    }

    private static String value(ActionContext ctx, String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PRESENCE_STATE(") && variable.endsWith(")")) {
            String[] args = variable.substring(15, variable.length() - 1).split(",");
            if (args.length < 2 || !args[0].regionMatches(true, 0, "CustomPresence:", 0, 15)) {
                return "";
            }
            Presence p = ctx.pbx().presence(args[0].substring(15));
            return switch (args[1].trim().toLowerCase(Locale.ROOT)) {
                case "value" -> p.state();
                case "subtype" -> p.subtype();
                case "message" -> p.message();
                default -> "";
            };
        }
        if (upper.startsWith("DEVICE_STATE(") && variable.endsWith(")")) {
            return ctx.pbx().deviceState(variable.substring(13, variable.length() - 1));
        }
        String v = ctx.pbx().global(variable);
        return v == null ? "" : v;
    }
}
