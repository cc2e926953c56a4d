package io.ucmkit.driver;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link DriverObserver} that keeps what it was told, for the tests to check the wiring. */
final class RecordingObserver implements DriverObserver {

    record Action(String action, ActionOutcome outcome, Duration latency) {}

    final AtomicLong connected = new AtomicLong();
    final List<String> disconnected = new CopyOnWriteArrayList<>();
    final List<LoginOutcome> logins = new CopyOnWriteArrayList<>();
    final List<Action> actions = new CopyOnWriteArrayList<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final List<String> dropReasons = new CopyOnWriteArrayList<>();
    final List<String> malformed = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();

    @Override
    public void connected() {
        connected.incrementAndGet();
    }

    @Override
    public void disconnected(String reason) {
        disconnected.add(reason);
    }

    @Override
    public void login(LoginOutcome outcome) {
        logins.add(outcome);
    }

    @Override
    public void action(String action, ActionOutcome outcome, Duration latency) {
        actions.add(new Action(action, outcome, latency));
    }

    @Override
    public void eventReceived() {
        received.incrementAndGet();
    }

    @Override
    public void eventDelivered() {
        delivered.incrementAndGet();
    }

    @Override
    public void eventDropped(String reason) {
        if (dropped.incrementAndGet() <= 10) {
            dropReasons.add(reason);
        }
    }

    @Override
    public void malformedMessage(String reason) {
        malformed.add(reason);
    }

    @Override
    public void assetState(String state) {
        states.add(state);
    }

    List<Action> actions(String name) {
        return actions.stream().filter(a -> a.action().equals(name)).toList();
    }
}
