package io.ucmkit.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import io.ucmkit.simulator.pbx.WatcherKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchersTest {

    @ParameterizedTest
    @CsvSource({
        "available,GREEN,ON",
        "away,GREEN,ON",
        "chat,RED,OFF",
        "custom,GREEN,ON",
        "dnd,RED,OFF",
        "unavailable,OFF,OFF"
    })
    void leds_follow_the_presence_guide_tables(String presence, String vpk, String mpk) {
        assertThat(PhoneModels.led("VPK", presence)).isEqualTo(vpk);
        assertThat(PhoneModels.led("MPK", presence)).isEqualTo(mpk);
    }

    @Test
    void the_demo_phones_show_the_led_of_the_presence_they_watch() {
        Pbx pbx = new Pbx(PbxConfigLoader.defaults(), new EventBus());
        pbx.setPresence("1001", Presence.ofUcm("dnd", null), Pbx.PresenceSource.GUI);
        pbx.setPresence("1003", Presence.ofUcm("chat", null), Pbx.PresenceSource.GUI);
        assertThat(pbx.watchers())
                .contains(
                        new WatcherKey("1000", "GXP2170", 1, "VPK", "1001", "dnd", "RED"),
                        new WatcherKey("1000", "GXP2170", 2, "VPK", "1002", "available", "GREEN"),
                        new WatcherKey("1000", "GXP2170", 3, "MPK", "1003", "chat", "OFF"),
                        new WatcherKey("1003", "GXP1780", 2, "MPK", "1001", "dnd", "OFF"));
    }

    @Test
    void a_key_type_the_model_lacks_is_refused_at_start_up() {
        String yaml = """
        amiUsers: [{username: amiadmin, secret: x, permit: [], read: [all], write: [all]}]
        extensions:
          - {number: "1000", model: GXP1628, keys: [{type: MPK, monitors: "1001"}]}
          - {number: "1001", model: GXP2170}
        """;
        assertThatThrownBy(() -> PbxConfigLoader.parse(yaml))
                .hasMessageContaining("extensions[0].keys[0].type")
                .hasMessageContaining("for model GXP1628: [VPK]");
        assertThatThrownBy(() -> PbxConfigLoader.parse(
                        yaml.replace("type: MPK, monitors: \"1001\"", "type: VPK, monitors: \"4444\"")))
                .hasMessageContaining("extensions[0].keys[0].monitors");
    }
}
