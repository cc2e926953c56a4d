package io.ucmkit.simulator.event;

import io.ucmkit.ami.AmiMessage;
import java.util.function.Consumer;

/**
 * One event of the PBX with the class it is published in ({@code manager_event(category, …)}):
 * the class travels as a value to the subscribers, which filter on it; the message carries it only
 * as its printed {@code Privilege:} line.
 */
public record ManagerEvent(AmiMessage message, int privilege) {

    /** {@code Event: <name>}, {@code Privilege: <classes>,all}, then what {@code body} adds. */
    public static ManagerEvent of(String name, int privilege, Consumer<AmiMessage.Builder> body) {
        AmiMessage.Builder b = EventBus.event(name, privilege);
        body.accept(b);
        return new ManagerEvent(b.build(), privilege);
    }
}
