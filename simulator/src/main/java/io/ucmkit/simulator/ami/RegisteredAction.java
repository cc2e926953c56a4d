package io.ucmkit.simulator.ami;

import java.util.Objects;

/** One entry of the {@link ActionRegistry}: an action's spec and the handler that runs it. */
public record RegisteredAction(ActionSpec spec, ActionHandler handler) {

    public RegisteredAction {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(handler, "handler");
    }

    public String name() {
        return spec.name();
    }
}
