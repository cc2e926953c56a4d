package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFanOutTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private final DriverConfig config =
            DriverConfig.builder().address("pbx").username("u").password("p").build();
    private final List<AmiMessage> raw = new ArrayList<>();
    private final List<DriverEvent> events = new ArrayList<>();

    @Test
    void everyEventReachesTheRawSubscribersTheHealthAndThroughTheTranslatorTheDriverEvents(@TempDir Path dataDir) {
        SystemAsset asset = new SystemAsset(clock, dataDir, e -> {});
        AssetHealth health = new AssetHealth(config, asset);
        health.sessionUp(Privileges.UNKNOWN);
        EventFanOut fanOut =
                new EventFanOut(raw::add, health, new EventTranslator(config, clock), events::add, DriverObserver.NONE);

        AmiMessage presence =
                AmiMessage.of("Event", "PresenceStateChange", "Presentity", "CustomPresence:1001", "Status", "dnd");
        AmiMessage varSet = AmiMessage.of("Event", "VarSet", "Variable", "x", "Value", "1");
        AmiMessage shutdown = AmiMessage.of("Event", "Shutdown", "Shutdown", "Cleanly", "Restart", "True");
        fanOut.accept(presence);
        fanOut.accept(varSet);
        fanOut.accept(shutdown);

        assertThat(raw).containsExactly(presence, varSet, shutdown);
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        DriverEvent.Presence.class, p -> assertThat(p.status()).isEqualTo("dnd"));
        assertThat(asset.state()).isEqualTo("Fault");
        assertThat(asset.reason()).isEqualTo("PBX announced Shutdown (Cleanly, restart True)");
    }
}
