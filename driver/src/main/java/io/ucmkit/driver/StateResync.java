package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the PBX's state once a session is logged in and hands it to the translator: the first read is the
 * baseline, every later one (a reconnect) reports what changed while the connection was down. A list that cannot
 * be read is skipped, except when the connection is lost meanwhile: then the session fails.
 *
 * <p>Thread: the lists are applied by whichever thread completes the last answer — in the driver the connection's
 * event loop, inside the read of the list's last message, so the baseline is in place before any event read after
 * it is translated. {@link #baselineRead} is touched there only.
 */
final class StateResync {

    private static final Logger log = LoggerFactory.getLogger(StateResync.class);

    private final DriverConfig config;
    private final EventTranslator translator;
    private final Consumer<DriverEvent> events;
    /** Whether a first read made the baseline: later reads report their changes. */
    private boolean baselineRead;

    StateResync(DriverConfig config, EventTranslator translator, Consumer<DriverEvent> events) {
        this.config = config;
        this.translator = translator;
        this.events = events;
    }

    /** docs/ami.md §3.6–3.8, §3.5: re-read hint states, presence and channels; report what changed while away. */
    CompletableFuture<Void> run(ActionSender c) {
        Duration t = config.actionTimeout();
        var states = listOrEmpty(c.send(AmiMessage.of("Action", "ExtensionStateList"), t), "ExtensionStateList");
        var presence = listOrEmpty(c.send(AmiMessage.of("Action", "PresenceStateList"), t), "PresenceStateList");
        var channels = listOrNull(c.send(AmiMessage.of("Action", "CoreShowChannels"), t), "CoreShowChannels");
        return CompletableFuture.allOf(states, presence, channels).thenAccept(v -> {
            boolean emit = baselineRead;
            baselineRead = true;
            for (DriverEvent ev : translator.resync(states.join(), presence.join(), channels.join(), emit)) {
                events.accept(ev);
            }
        });
    }

    private static CompletableFuture<List<AmiMessage>> listOrEmpty(CompletableFuture<AmiResponse> f, String what) {
        return listOrNull(f, what).thenApply(l -> l == null ? List.of() : l);
    }

    private static CompletableFuture<List<AmiMessage>> listOrNull(CompletableFuture<AmiResponse> f, String what) {
        return f.handle((r, e) -> {
            if (e != null) {
                DriverException d = DriverException.unwrap(e);
                if (d != null && d.kind() == DriverException.Kind.CONNECTION_LOST) {
                    throw d;
                }
                log.info("{} not read: {}", what, e.getMessage());
                return null;
            }
            if (!r.isSuccess()) {
                log.info("{} not read: {}", what, r.message());
                return null;
            }
            return r.items();
        });
    }
}
