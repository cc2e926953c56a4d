package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;

/** Where call events go: the simulator's publisher (class filtering, flush after the response). */
@FunctionalInterface
public interface EventSink {
    void publish(AmiMessage event);
}
