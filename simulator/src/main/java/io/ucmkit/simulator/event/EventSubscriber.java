package io.ucmkit.simulator.event;

import io.ucmkit.ami.AmiMessage;

/** Receives every event the PBX publishes, with its class mask; filtering is the subscriber's job. */
@FunctionalInterface
public interface EventSubscriber {
    void onEvent(AmiMessage event, int privilege);
}
