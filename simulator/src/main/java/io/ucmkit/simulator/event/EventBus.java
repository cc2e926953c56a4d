package io.ucmkit.simulator.event;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one path of the PBX's events: the call engine, the PBX model, the AMI manager's security
 * events and UserEvent all {@link #publish} a {@link ManagerEvent}, whose class mask is a value,
 * never parsed back from the text; every subscriber gets the message and that mask. AMI sessions
 * filter by their read class and {@code Events} mask (docs/ami.md §1.4) and write queued events only
 * after the response of the action they are processing (transcripts README #10).
 */
public final class EventBus {

    private final CopyOnWriteArrayList<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();

    public void publish(ManagerEvent event) {
        for (EventSubscriber s : subscribers) {
            s.onEvent(event.message(), event.privilege());
        }
    }

    public AutoCloseable subscribe(EventSubscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }
}
