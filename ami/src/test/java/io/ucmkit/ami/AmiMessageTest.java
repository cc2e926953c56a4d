package io.ucmkit.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmiMessageTest {

    private final AmiMessage presence = AmiMessage.of(
            "Response",
            "Success",
            "ActionID",
            "ps-1",
            "Message",
            "Presence State",
            "State",
            "dnd",
            "Message",
            "In a meeting");

    @Test
    void an_action_id_is_echoed_only_when_the_request_had_a_non_empty_one() {
        assertThat(AmiMessage.builder()
                        .add("Response", "Success")
                        .addActionId("12345678_7#")
                        .build()
                        .actionId())
                .isEqualTo("12345678_7#");
        assertThat(AmiMessage.builder()
                        .add("Response", "Success")
                        .addActionId("")
                        .build()
                        .get("ActionID"))
                .isNull();
        assertThat(AmiMessage.builder()
                        .add("Response", "Success")
                        .addActionId(null)
                        .build()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void lookup_is_case_insensitive_and_the_first_match_wins() {
        assertThat(presence.get("message")).isEqualTo("Presence State");
        assertThat(presence.get("MESSAGE")).isEqualTo("Presence State");
        assertThat(presence.get("absent")).isNull();
        assertThat(presence.get("absent", "fallback")).isEqualTo("fallback");
        assertThat(presence.has("actionid")).isTrue();
    }

    @Test
    void duplicates_are_kept_in_wire_order() {
        assertThat(presence.getAll("Message")).containsExactly("Presence State", "In a meeting");
        assertThat(presence.size()).isEqualTo(5);
        assertThat(presence.name(4)).isEqualTo("Message");
        assertThat(presence.value(4)).isEqualTo("In a meeting");
        assertThat(presence.headers()).hasSize(5).element(3).isEqualTo(new AmiHeader("State", "dnd"));
    }

    @Test
    void the_kind_of_message_comes_from_its_first_header() {
        AmiMessage originateResponse =
                AmiMessage.of("Event", "OriginateResponse", "Privilege", "call,all", "Response", "Success");

        assertThat(originateResponse.isEvent()).isTrue();
        assertThat(originateResponse.isResponse()).isFalse();
        assertThat(originateResponse.eventName()).isEqualTo("OriginateResponse");
        assertThat(originateResponse.response()).isNull();
        assertThat(presence.isResponse()).isTrue();
        assertThat(presence.response()).isEqualTo("Success");
        assertThat(presence.eventName()).isNull();
    }

    @Test
    void the_action_is_the_first_non_empty_action_header_as_asterisk_looks_it_up() {
        assertThat(AmiMessage.of("Action", "", "ActionID", "1", "action", "Ping")
                        .action())
                .isEqualTo("Ping");
        assertThat(AmiMessage.of("ActionID", "1").action()).isNull();
    }

    @Test
    void secrets_are_masked_when_a_message_is_printed() {
        AmiMessage login =
                AmiMessage.of("Action", "Login", "Username", "amiadmin", "Secret", "amiadmin1", "key", "0123abcd");

        assertThat(login.toString())
                .doesNotContain("amiadmin1")
                .doesNotContain("0123abcd")
                .contains("Username: amiadmin")
                .contains("Secret: " + AmiHeaders.MASK)
                .contains("key: " + AmiHeaders.MASK);
        assertThat(login.headers().get(2).toString()).isEqualTo("Secret: " + AmiHeaders.MASK);
        assertThat(login.get("Secret")).isEqualTo("amiadmin1");
    }

    @Test
    void a_header_cannot_smuggle_a_line_break_onto_the_wire() {
        assertThatThrownBy(() -> AmiMessage.of("Action", "Ping\r\nAction: Originate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Action")
                .hasMessageContaining("LF or NUL");
        assertThatThrownBy(() -> AmiMessage.of("Act:ion", "Ping")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmiMessage.of("", "Ping")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmiMessage.of("Action"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
    }

    @Test
    void the_builder_sets_removes_and_copies_without_touching_the_original() {
        AmiMessage changed = presence.toBuilder()
                .set("actionid", "ps-2")
                .remove("Message")
                .add("Extra", "")
                .build();

        assertThat(changed)
                .isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "ps-2", "State", "dnd", "Extra", ""));
        assertThat(presence.actionId()).isEqualTo("ps-1");
        assertThat(presence.getAll("Message")).hasSize(2);
    }

    @Test
    void equal_headers_make_equal_messages() {
        assertThat(AmiMessage.of("A", "1", "B", "2"))
                .isEqualTo(AmiMessage.of("A", "1", "B", "2"))
                .hasSameHashCodeAs(AmiMessage.of("A", "1", "B", "2"))
                .isNotEqualTo(AmiMessage.of("B", "2", "A", "1"));
        assertThat(AmiMessage.builder().build()).isSameAs(AmiMessage.empty());
        assertThat(AmiMessage.empty().isEmpty()).isTrue();
    }
}
