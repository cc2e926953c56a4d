package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import java.util.List;

/**
 * An action answered at once with messages that depend on the request alone (not on the session):
 * the call actions. {@link #answer} is the whole action, which unit tests call without a socket.
 */
interface ImmediateAction extends ActionHandler {

    /** The response, or the list's start, items and end, in order. */
    List<AmiMessage> answer(AmiMessage request);

    @Override
    default void handle(ActionContext context) {
        answer(context.request()).forEach(context::reply);
    }
}
