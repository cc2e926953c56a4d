package io.ucmkit.simulator.pbx;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The PBX's event publisher (seam for the call model, issue 4). {@link #publish} hands an event
 * and its class mask to every subscriber; AMI sessions filter by their read class and
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
