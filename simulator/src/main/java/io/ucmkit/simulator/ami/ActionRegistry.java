package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.call.Calls;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable, case-insensitive map from action name to handler (Asterisk looks actions up with
 * strcasecmp and lists them sorted). {@link #standard} holds every action the simulator answers;
 * {@link #with} replaces handlers of the same name.
 */
public final class ActionRegistry {

    private final Map<String, RegisteredAction> actions;

    private ActionRegistry(Map<String, RegisteredAction> actions) {
        this.actions = actions;
    }

    /** The simulator's actions: session, status, presence and call actions ({@link AmiActions}). */
    public static ActionRegistry standard(Calls calls) {
        return new ActionRegistry(Map.of()).with(AmiActions.all(calls));
    }

    /** A new registry with these actions added (replacing same-named ones). */
    public ActionRegistry with(Collection<RegisteredAction> more) {
        TreeMap<String, RegisteredAction> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(actions);
        for (RegisteredAction a : more) {
            copy.put(a.name(), a);
        }
        return new ActionRegistry(Collections.unmodifiableMap(copy));
    }

    public Optional<RegisteredAction> find(String action) {
        return Optional.ofNullable(actions.get(action));
    }

    /** The actions sorted by name, as ListCommands prints them. */
    public Collection<RegisteredAction> all() {
        return actions.values();
    }

    /** The action names, sorted. */
    public List<String> names() {
        return List.copyOf(actions.keySet());
    }
}
