package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each AMI event of the session goes, in wire order: to the raw subscribers ({@code subscribeAmi}), to the
 * asset's health (a Shutdown announcement), and through the translator to the driver-event subscribers.
 *
 * <p>Thread: the connection's event loop, which reads the event; subscribers are reached through their bounded
 * queues ({@link EventDispatcher}), never called here.
 */
final class EventFanOut implements Consumer<AmiMessage> {

    private static final Logger log = LoggerFactory.getLogger(EventFanOut.class);

    private final Consumer<AmiMessage> raw;
    private final AssetHealth health;
    private final EventTranslator translator;
    private final Consumer<DriverEvent> events;
    private final DriverObserver observer;
    private final RateLimitedWarning translationWarning = new RateLimitedWarning(1, TimeUnit.SECONDS, System::nanoTime);

    EventFanOut(
            Consumer<AmiMessage> raw,
            AssetHealth health,
            EventTranslator translator,
            Consumer<DriverEvent> events,
            DriverObserver observer) {
        this.raw = raw;
        this.health = health;
        this.translator = translator;
        this.events = events;
        this.observer = observer;
    }

    @Override
    public void accept(AmiMessage event) {
        raw.accept(event);
        if ("Shutdown".equals(event.eventName())) {
            health.shutdownAnnounced(event.get("Shutdown", "?"), event.get("Restart", "?"));
        }
        List<DriverEvent> translated;
        try {
            translated = translator.translate(event);
        } catch (RuntimeException e) {
            // One event the translator cannot make sense of must not cost the connection (an exception here
            // would reach the channel and close it): logged, masked, counted, skipped.
            observer.malformedMessage("event not understood: " + e);
            if (translationWarning.tryAcquire() >= 0) {
                log.warn("AMI event skipped, not understood ({}): {}", e.toString(), event);
            }
            return;
        }
        for (DriverEvent ev : translated) {
            events.accept(ev);
        }
    }
}
