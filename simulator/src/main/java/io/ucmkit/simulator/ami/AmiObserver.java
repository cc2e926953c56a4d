package io.ucmkit.simulator.ami;

import java.time.Duration;

/**
 * What the AMI server reports as it answers clients (the simulator's metrics observe it). Called on a session's
 * event loop: quick, never blocking, never throwing.
 */
public interface AmiObserver {

    /** Observes nothing. */
    AmiObserver NONE = new AmiObserver() {};

    /**
     * An action was answered. {@code action} is the registered name of the action (or {@code unknown} /
     * {@code none}, so that a client cannot mint series); {@code response} is the answer's {@code Response:}
     * value in lower case (success, error, follows, goodbye); {@code latency} runs from the request's arrival.
     */
    default void actionAnswered(String action, String response, Duration latency) {}

    /** One AMI event was written to a client (a list item of an action's answer is not counted). */
    default void eventSent() {}
}
