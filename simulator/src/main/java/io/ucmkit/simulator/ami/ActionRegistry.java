package io.ucmkit.simulator.ami;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable, case-insensitive map from action name to handler (Asterisk looks actions up with
 * strcasecmp and lists them sorted). {@link #core()} holds the part-1 actions; the call model
 * (issue 4) adds its handlers with {@link #with}, which replaces handlers of the same name.
 */
public final class ActionRegistry {

    private final Map<String, ActionHandler> handlers;

    private ActionRegistry(Map<String, ActionHandler> handlers) {
        this.handlers = handlers;
    }

    /** The actions of part 1: session, status and presence actions. */
    public static ActionRegistry core() {
        return new ActionRegistry(new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).with(CoreActions.all());
    }

    /** A new registry with these handlers added (replacing same-named ones). */
    public ActionRegistry with(Collection<? extends ActionHandler> more) {
        TreeMap<String, ActionHandler> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(handlers);
        for (ActionHandler h : more) {
            copy.put(h.action(), h);
        }
        return new ActionRegistry(java.util.Collections.unmodifiableMap(copy));
    }

    public Optional<ActionHandler> find(String action) {
        return Optional.ofNullable(handlers.get(action));
    }

    /** Handlers sorted by name, as ListCommands prints them. */
    public Collection<ActionHandler> all() {
        return handlers.values();
    }
}
