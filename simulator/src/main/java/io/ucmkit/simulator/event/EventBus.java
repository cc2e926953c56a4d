package io.ucmkit.simulator.event;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one path of the PBX's events, the call engine's and the PBX model's alike: {@link #publish}
 * hands an event and its class mask (a value, never parsed back from the text) to every subscriber; AMI sessions filter by their read class and
 * {@code Events} mask (AMI.md §1.4) and write queued events only after the response of the action
 * they are processing (transcripts README #10). Build events with {@link #event}, which adds the
 * {@code Privilege:} line exactly as Asterisk does.
 */
public final class EventBus {

    private final CopyOnWriteArrayList<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Starts an event: {@code Event: <name>} then {@code Privilege: <classes>,all}. */
    public static AmiMessage.Builder event(String name, int privilege) {
        return AmiMessage.builder().add("Event", name).add("Privilege", Privileges.eventPrivilege(privilege));
    }

    public void publish(ManagerEvent event) {
        publish(event.message(), event.privilege());
    }

    public void publish(AmiMessage event, int privilege) {
        for (EventSubscriber s : subscribers) {
            s.onEvent(event, privilege);
        }
    }

    public AutoCloseable subscribe(EventSubscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
