package io.ucmkit.simulator.event;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import java.util.function.Consumer;

/**
 * One event of the PBX with the class it is published in ({@code manager_event(category, …)}):
 * the class travels as a value to the subscribers, which filter on it; the message carries it only
 * as its printed {@code Privilege:} line. Every event the simulator raises is built here — the call
 * engine's, the PBX model's, the security events and UserEvent alike — and published through
 * {@link EventBus#publish}; the few written to one session only (FullyBooted, Shutdown) are built
 * here too.
 */
public record ManagerEvent(AmiMessage message, int privilege) {

    /**
     * {@code Event: <name>}, {@code Privilege: <classes>,all} (exactly as Asterisk prints it), then
     * what {@code body} adds.
     */
    public static ManagerEvent of(String name, int privilege, Consumer<AmiMessage.Builder> body) {
        AmiMessage.Builder b =
                AmiMessage.builder().add("Event", name).add("Privilege", Privileges.eventPrivilege(privilege));
        body.accept(b);
        return new ManagerEvent(b.build(), privilege);
    }
}
