package io.ucmkit.driver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link DriverObserver} the driver's parts report to: it keeps the totals of {@link DriverCounters}
 * and passes every report on to the embedder's observer, which must not be able to break the driver (a
 * throwing observer is logged, once, and otherwise ignored).
 */
final class DriverMetrics implements DriverObserver {

    private static final Logger log = LoggerFactory.getLogger(DriverMetrics.class);

    private final DriverObserver next;
    private volatile boolean observerFailed;

    final AtomicLong connects = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    final AtomicLong loginsAccepted = new AtomicLong();
    final AtomicLong loginsRefused = new AtomicLong();
    final AtomicLong loginsFailed = new AtomicLong();
    final AtomicLong actions = new AtomicLong();
    final AtomicLong actionTimeouts = new AtomicLong();
    final AtomicLong eventsReceived = new AtomicLong();
    final AtomicLong eventsDelivered = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();

    DriverMetrics(DriverObserver next) {
        this.next = next == null ? DriverObserver.NONE : next;
    }

    @Override
    public void connected() {
        connects.incrementAndGet();
        forward(DriverObserver::connected);
    }

    @Override
    public void disconnected(String reason) {
        disconnects.incrementAndGet();
        forward(o -> o.disconnected(reason));
    }

    @Override
    public void login(LoginOutcome outcome) {
        (switch (outcome) {
                    case ACCEPTED -> loginsAccepted;
                    case REFUSED -> loginsRefused;
                    case FAILED -> loginsFailed;
                })
                .incrementAndGet();
        forward(o -> o.login(outcome));
    }

    @Override
    public void action(String action, ActionOutcome outcome, Duration latency) {
        actions.incrementAndGet();
        if (outcome == ActionOutcome.TIMEOUT) {
            actionTimeouts.incrementAndGet();
        }
        forward(o -> o.action(action, outcome, latency));
    }

    @Override
    public void eventReceived() {
        eventsReceived.incrementAndGet();
        forward(DriverObserver::eventReceived);
    }

    @Override
    public void eventDelivered() {
        eventsDelivered.incrementAndGet();
        forward(DriverObserver::eventDelivered);
    }

    @Override
    public void eventDropped(String reason) {
        // Counted by the queue that dropped it (EventDispatcher.dropped()): one total, no second copy to drift.
        forward(o -> o.eventDropped(reason));
    }

    @Override
    public void malformedMessage(String reason) {
        malformed.incrementAndGet();
        forward(o -> o.malformedMessage(reason));
    }

    @Override
    public void assetState(String state) {
        forward(o -> o.assetState(state));
    }

    private void forward(java.util.function.Consumer<DriverObserver> call) {
        try {
            call.accept(next);
        } catch (RuntimeException e) {
            if (!observerFailed) {
                observerFailed = true;
                log.warn("the DriverObserver failed and is ignored where it fails (logged once): {}", e.toString());
            }
        }
    }
}
