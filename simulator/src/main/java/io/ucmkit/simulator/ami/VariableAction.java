package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import java.util.List;

/**
 * What Getvar and Setvar share (docs/ami.md §3.10): with a Channel, a variable of that channel in the
 * call engine, the Variable header checked before the channel (manager.c action_getvar,
 * action_setvar); without one, a global variable or a dialplan function, named as Asterisk matches
 * them ({@link #argument}).
 */
abstract class VariableAction implements ActionHandler {

    static final String NO_VARIABLE = "No variable specified";

    final Calls calls;

    VariableAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public final void handle(ActionContext ctx) {
        if (!ctx.request().get("Channel", "").isEmpty()) {
            onChannel(ctx.request()).forEach(ctx::reply);
            return;
        }
        String variable = ctx.request().get("Variable", "");
        if (variable.isEmpty()) {
            ctx.error(NO_VARIABLE);
            return;
        }
        withoutChannel(ctx, variable);
    }

    /** With a Channel: the answer to {@code action}. */
    final List<AmiMessage> onChannel(AmiMessage action) {
        String name = action.getNonEmpty("Variable");
        if (name == null) {
            return List.of(AmiResponses.error(action, NO_VARIABLE));
        }
        return List.of(onChannel(action, action.get("Channel", ""), name));
    }

    /** The answer for {@code variable} of {@code channel}. */
    abstract AmiMessage onChannel(AmiMessage action, String channel, String variable);

    /** Without a Channel: answers for a non-empty {@code variable}. */
    abstract void withoutChannel(ActionContext ctx, String variable);

    /**
     * The argument of {@code variable} when it calls the dialplan function {@code function}
     * ({@code FUNCTION(argument)}, the name in any case), else null.
     */
    static String argument(String variable, String function) {
        int open = function.length() + 1;
        return variable.regionMatches(true, 0, function + "(", 0, open) && variable.endsWith(")")
                ? variable.substring(open, variable.length() - 1)
                : null;
    }

    /** The provider name of {@code CustomPresence:<name>} (the prefix in any case), else null. */
    static String customPresence(String provider) {
        return provider.regionMatches(true, 0, "CustomPresence:", 0, 15) ? provider.substring(15) : null;
    }
}
