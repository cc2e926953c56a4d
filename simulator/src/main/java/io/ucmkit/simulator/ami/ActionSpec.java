package io.ucmkit.simulator.ami;

import java.util.Objects;

/**
 * What the manager knows of an action before running it: its name as ListCommands prints it, its
 * synopsis exactly as Asterisk prints it (transcript 25), the write classes it needs (Privileges
 * bits, any shared bit suffices, 0 = none: Asterisk {@code process_message}), and whether it may run
 * before login (Login, Logoff, Challenge).
 */
public record ActionSpec(String name, String synopsis, int privilege, boolean beforeLogin) {

    public ActionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(synopsis, "synopsis");
    }

    /** An action for logged-in users that need one of the {@code privilege} write classes. */
    public static ActionSpec of(String name, String synopsis, int privilege) {
        return new ActionSpec(name, synopsis, privilege, false);
    }

    /** An action a session may send before it has logged in. */
    static ActionSpec beforeLogin(String name, String synopsis) {
        return new ActionSpec(name, synopsis, 0, true);
    }

    /** This action, run by {@code handler}. */
    public RegisteredAction handledBy(ActionHandler handler) {
        return new RegisteredAction(this, handler);
    }
}
