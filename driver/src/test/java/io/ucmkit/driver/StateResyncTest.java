package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.ami.AmiMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateResyncTest {

    private final DriverConfig config =
            DriverConfig.builder().address("pbx").username("u").password("p").build();
    private final EventTranslator translator =
            new EventTranslator(config, Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
    private final List<DriverEvent> events = new ArrayList<>();
    private final StateResync resync = new StateResync(config, translator, events::add);

    private static AmiMessage hint(String exten, String status) {
        return AmiMessage.of("Event", "ExtensionStatus", "Exten", exten, "StatusText", status);
    }

    private static AnsweringSender pbxWith(AmiMessage... hints) {
        return new AnsweringSender()
                .success("ExtensionStateList", List.of(hints))
                .success("PresenceStateList", List.of())
                .success("CoreShowChannels", List.of());
    }

    @Test
    void theFirstReadIsTheBaselineAndALaterOneReportsWhatChangedWhileAway() {
        resync.run(pbxWith(hint("1000", "Idle"), hint("1001", "Idle"))).join();

        assertThat(events).isEmpty();
        assertThat(translator.knownExtensions()).containsExactlyInAnyOrder("1000", "1001");

        resync.run(pbxWith(hint("1000", "Idle"), hint("1001", "InUse"))).join();

        assertThat(events).singleElement().isInstanceOfSatisfying(DriverEvent.ExtensionState.class, e -> {
            assertThat(e.extension()).isEqualTo("1001");
            assertThat(e.status()).isEqualTo("InUse");
        });
    }

    @Test
    void aListThatCannotBeReadIsSkipped() {
        AnsweringSender pbx = new AnsweringSender()
                .success("ExtensionStateList", List.of(hint("1000", "Idle")))
                .error("PresenceStateList", "Permission denied"); // CoreShowChannels unanswered: TIMEOUT

        resync.run(pbx).join();

        assertThat(pbx.actions()).containsExactly("ExtensionStateList", "PresenceStateList", "CoreShowChannels");
        assertThat(translator.knownExtensions()).containsExactly("1000");
    }

    @Test
    void aConnectionLostWhileReadingFailsTheSession() {
        AnsweringSender pbx = pbxWith()
                .fail("CoreShowChannels", DriverException.Kind.CONNECTION_LOST, "CoreShowChannels failed: lost");

        assertThatThrownBy(() -> resync.run(pbx).join())
                .cause()
                .isInstanceOfSatisfying(
                        DriverException.class,
                        d -> assertThat(d.kind()).isEqualTo(DriverException.Kind.CONNECTION_LOST));
    }
}
