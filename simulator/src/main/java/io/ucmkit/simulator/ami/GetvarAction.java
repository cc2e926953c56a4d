package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.pbx.Presence;
import java.util.Locale;

/**
 * Getvar (AMI.md §3.10, transcript 24): globals (an unset one is {@code Value: } empty),
 * {@code PRESENCE_STATE(CustomPresence:x,value|subtype|message)} and {@code DEVICE_STATE(dev)}.
 */
final class GetvarAction implements ActionHandler {

    @Override
    public String action() {
        return "Getvar";
    }

    @Override
    public String synopsis() {
        return "Gets a channel variable or function value.";
    }

    @Override
    public int privilege() {
        return Privileges.CALL | Privileges.REPORTING;
    }

    @Override
    public void handle(ActionContext ctx) {
        String variable = ctx.request().get("Variable", "");
        if (variable.isEmpty()) {
            ctx.error("No variable specified");
            return;
        }
        if (!ctx.request().get("Channel", "").isEmpty()) {
            ctx.error("No such channel");
            return;
        }
        ctx.reply(AmiResponses.success(ctx.request(), null)
                .add("Variable", variable)
                .add("Value", value(ctx, variable))
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
