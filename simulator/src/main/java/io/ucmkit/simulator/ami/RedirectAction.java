package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.call.RedirectRequest;
import java.util.List;

/**
 * Redirect (docs/ami.md §3.2, manager.c {@code action_redirect}): the header checks in Asterisk's order,
 * then the engine's single or dual move, each refusal with Asterisk's text.
 */
final class RedirectAction implements ImmediateAction {

    private final Calls calls;

    RedirectAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public List<AmiMessage> answer(AmiMessage action) {
        String name = action.getNonEmpty("Channel");
        if (name == null) {
            return error(action, "Channel not specified");
        }
        String context = action.getNonEmpty("Context");
        if (context == null) {
            return error(action, "Context not specified");
        }
        String exten = action.getNonEmpty("Exten");
        if (exten == null) {
            return error(action, "Exten not specified");
        }
        String priority = action.getNonEmpty("Priority");
        if (priority == null) {
            return error(action, "Priority not specified");
        }
        if (!validPriority(priority)) {
            return error(action, "Priority is invalid");
        }
        String extraName = action.getNonEmpty("ExtraChannel");
        String extraContext = action.getNonEmpty("ExtraContext");
        String extraExten = null;
        if (extraName != null && extraContext != null) {
            extraExten = action.getNonEmpty("ExtraExten");
            if (extraExten == null) {
                return error(action, "ExtraExten not specified");
            }
            String extraPriority = action.getNonEmpty("ExtraPriority");
            if (extraPriority == null) {
                return error(action, "ExtraPriority not specified");
            }
            if (!validPriority(extraPriority)) {
                return error(action, "ExtraPriority is invalid");
            }
        } else {
            extraContext = null; // the extra channel, if any, follows the first one's target
        }
        RedirectRequest request = new RedirectRequest(name, context, exten, extraName, extraContext, extraExten);
        return switch (calls.redirect(request)) {
            case REDIRECTED -> success(action, "Redirect successful");
            case DUAL_REDIRECTED -> success(action, "Dual Redirect successful");
            case NO_SUCH_CHANNEL -> error(action, "Channel does not exist: " + name);
            case CHANNEL_NOT_UP -> error(action, "Redirect failed, channel not up.");
            case NO_SUCH_TARGET -> error(action, "Redirect failed");
            case NO_SUCH_EXTRA_CHANNEL -> error(action, "ExtraChannel does not exist: " + extraName);
            case EXTRA_CHANNEL_NOT_UP -> error(action, "Redirect failed, extra channel not up.");
            case NO_SUCH_EXTRA_TARGET -> error(action, "Secondary redirect failed");
        };
    }

    /** {@code sscanf("%30d")}, then {@code pi < 1} is invalid; priority labels are not modelled. */
    private static boolean validPriority(String priority) {
        Integer pi = AmiValues.leadingInt(priority);
        return pi != null && pi >= 1;
    }

    private static List<AmiMessage> success(AmiMessage action, String message) {
        return List.of(AmiResponses.success(action, message).build());
    }

    private static List<AmiMessage> error(AmiMessage action, String message) {
        return List.of(AmiResponses.error(action, message));
    }
}
