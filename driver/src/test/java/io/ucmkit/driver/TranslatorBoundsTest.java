package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.ami.AmiMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PBX that reports channels and presentities by the thousand and never hangs them up cannot grow
 * the translator's tables past {@link EventTranslator#MAX_TRACKED_NAMES}: what is past the bound is
 * counted, and events keep passing.
 */
class TranslatorBoundsTest {

    private final EventTranslator translator = new EventTranslator(
            DriverConfig.builder().address("pbx").username("u").password("p").build(),
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    private static final int OVER = 5_000;

    @Test
    void channelsThatNeverHangUpStopBeingRememberedAtTheBound() {
        for (int i = 0; i < EventTranslator.MAX_TRACKED_NAMES + OVER; i++) {
            translator.translate(AmiMessage.of(
                    "Event",
                    "Newchannel",
                    "Channel",
                    "PJSIP/" + i + "-00000001",
                    "ChannelState",
                    "4",
                    "Uniqueid",
                    "u" + i,
                    "Linkedid",
                    "u" + i,
                    "Exten",
                    "s"));
        }
        assertThat(translator.untracked()).isEqualTo(OVER);
        // A channel already known is still updated, and one hung up frees its place.
        translator.translate(AmiMessage.of(
                "Event", "Hangup", "Channel", "PJSIP/0-00000001", "Uniqueid", "u0", "Linkedid", "u0", "Cause", "16"));
        translator.translate(AmiMessage.of(
                "Event",
                "Newchannel",
                "Channel",
                "PJSIP/new-00000001",
                "ChannelState",
                "4",
                "Uniqueid",
                "n",
                "Linkedid",
                "n",
                "Exten",
                "s"));
        assertThat(translator.untracked()).isEqualTo(OVER);
    }

    @Test
    void presenceOfMadeUpPresentitiesStillPassesPastTheBound() {
        for (int i = 0; i < EventTranslator.MAX_TRACKED_NAMES + OVER; i++) {
            translator.translate(presence("x" + i, "away"));
        }
        assertThat(translator.untracked()).isEqualTo(OVER);
        List<DriverEvent> out = translator.translate(presence("1001", "dnd"));
        assertThat(out)
                .singleElement()
                .isInstanceOfSatisfying(
                        DriverEvent.Presence.class, p -> assertThat(p.status()).isEqualTo("dnd"));
    }

    private static AmiMessage presence(String ext, String status) {
        return AmiMessage.of(
                "Event",
                "PresenceStateChange",
                "Presentity",
                "CustomPresence:" + ext,
                "Status",
                status,
                "Subtype",
                "",
                "Message",
                "");
    }
}
