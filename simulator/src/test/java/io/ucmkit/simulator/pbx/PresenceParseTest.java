package io.ucmkit.simulator.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Presence values parsed as Asterisk 20's func_presencestate parse_data and presence_write do. */
class PresenceParseTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void each_field_ends_at_the_next_comma_and_a_fifth_is_ignored() {
        assertThat(Presence.parse("away,lunch,back at 2")).isEqualTo(new Presence("away", "lunch", "back at 2"));
        assertThat(Presence.parse("away,lunch,back,e,more")).isEqualTo(new Presence("away", "lunch", "back"));
        assertThat(Presence.parse("DND")).isEqualTo(new Presence("dnd", "", ""));
    }

    @Test
    void options_other_than_e_and_unknown_states_are_invalid() {
        assertThat(Presence.parse("away,lunch,back, soon")).isNull();
        assertThat(Presence.parse("sleeping")).isNull();
        assertThat(Presence.parse("")).isNull();
    }

    @Test
    void a_written_value_with_option_e_is_base64_decoded_so_its_message_may_hold_commas() {
        assertThat(Presence.parseWritten("available," + b64("custom") + "," + b64("In a meeting, back at 3") + ",e"))
                .isEqualTo(new Presence("available", "custom", "In a meeting, back at 3"));
        assertThat(Presence.parseWritten("away,lunch,noon")).isEqualTo(new Presence("away", "lunch", "noon"));
    }

    @Test
    void the_cli_takes_option_e_values_as_written() {
        assertThat(Presence.parse("away," + b64("x") + "," + b64("y") + ",e"))
                .isEqualTo(new Presence("away", b64("x"), b64("y")));
    }
}
