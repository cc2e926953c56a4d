package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.time.Clock;
import java.util.List;

/**
 * The benchmarks' handle on the driver's real {@link EventTranslator}, which is package-private: this class
 * lives in the benchmarks module but in the driver's package (classpath, no JPMS), so the driver keeps its
 * public API unchanged and the benchmark runs the very code {@code UcmDriver} runs, not a copy.
 *
 * <p>{@link #onMessage} is what the driver does with each decoded message when no list action of its own is
 * pending ({@code AmiConnection.onMessage} → {@code ConnectionSupervisor.onEvent} → {@code EventFanOut.accept}): responses go to actions,
 * events to the translator, in wire order, one translator per connection.
 */
public final class DriverTranslation {

    private final EventTranslator translator;

    public DriverTranslation(DriverConfig config) {
        this.translator = new EventTranslator(config, Clock.systemUTC());
    }

    /** The typed driver events this message gives (Call Status, IVR Response, Presence, ExtensionState). */
    public List<DriverEvent> onMessage(AmiMessage message) {
        return message.isEvent() ? translator.translate(message) : List.of();
    }
}
