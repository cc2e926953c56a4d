package io.ucmkit.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PbxConfigLoaderTest {

    private static final String VALID = """
      amiUsers:
        - {username: amiadmin, secret: amiadmin1, permit: ["127.0.0.1/255.255.255.255"], read: [all], write: [all]}
      extensions:
        - {number: "1000", name: A, model: GXP2170}
      """;

    @Test
    void the_embedded_default_is_the_demo_pbx_of_the_spec() {
        PbxConfig c = PbxConfigLoader.defaults();
        assertThat(c.asteriskVersion()).isEqualTo(20);
        assertThat(c.channelTech()).isEqualTo("PJSIP");
        assertThat(c.context()).isEqualTo("from-internal");
        assertThat(c.amiUsers()).extracting(AmiUserConfig::username).containsExactly("amiadmin", "amireader");
        assertThat(c.extensions())
                .extracting(ExtensionConfig::number)
                .containsExactly("1000", "1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009");
        assertThat(c.ivrs()).extracting(IvrConfig::number).containsExactly("7000");
        assertThat(c.featureCodes().presence()).isEqualTo("*48");
    }

    @Test
    void omitted_fields_take_the_ucm_defaults() {
        PbxConfig c = PbxConfigLoader.parse(VALID);
        assertThat(c.context()).isEqualTo("from-internal");
        assertThat(c.extensions().get(0).answerMode()).isEqualTo("manual");
        assertThat(c.extensions().get(0).registered()).isTrue();
    }

    @Test
    void json_is_accepted_too() {
        PbxConfig c = PbxConfigLoader.parse(
                "{\"channelTech\":\"SIP\",\"amiUsers\":[{\"username\":\"amiadmin\",\"secret\":\"x\","
                        + "\"permit\":[],\"read\":[\"call\"],\"write\":[\"call\"]}]}");
        assertThat(c.channelTech()).isEqualTo("SIP");
    }

    @Test
    void a_short_username_is_refused_naming_the_field() {
        assertThatThrownBy(() -> PbxConfigLoader.parse(VALID.replace("username: amiadmin", "username: admin")))
                .isInstanceOf(PbxConfigException.class)
                .hasMessageContaining("amiUsers[0].username")
                .hasMessageContaining("8 to 32");
    }

    @Test
    void a_bad_answer_mode_is_refused_with_the_allowed_values() {
        assertThatThrownBy(() ->
                        PbxConfigLoader.parse(VALID.replace("model: GXP2170", "model: GXP2170, answerMode: maybe")))
                .hasMessageContaining("extensions[0].answerMode")
                .hasMessageContaining("manual | auto | decline | busy | no-answer");
    }

    @Test
    void an_ivr_number_outside_the_ucm_ivr_range_is_refused() {
        assertThat(PbxConfigLoader.parse(VALID + "ivrs: [{number: \"7000\"}, {number: \"7100\"}]\n")
                        .ivrs())
                .extracting(IvrConfig::number)
                .containsExactly("7000", "7100");
        for (String number : new String[] {"6999", "7101", "70", "07000"}) {
            assertThatThrownBy(() -> PbxConfigLoader.parse(VALID + "ivrs: [{number: \"" + number + "\"}]\n"))
                    .isInstanceOf(PbxConfigException.class)
                    .hasMessage("invalid config field ivrs[0].number = '" + number
                            + "'; allowed: 7000 to 7100 (the UCM's IVR range)");
        }
    }

    @Test
    void an_unknown_privilege_class_is_refused() {
        assertThatThrownBy(() -> PbxConfigLoader.parse(VALID.replace("read: [all]", "read: [everything]")))
                .hasMessageContaining("amiUsers[0].read[0]");
    }

    @Test
    void a_malformed_permit_is_refused() {
        assertThatThrownBy(() -> PbxConfigLoader.parse(VALID.replace("127.0.0.1/255.255.255.255", "127.0.0.1")))
                .hasMessageContaining("amiUsers[0].permit[0]")
                .hasMessageContaining("ip/netmask");
    }

    @Test
    void an_unknown_field_is_refused_naming_it() {
        assertThatThrownBy(() -> PbxConfigLoader.parse(VALID + "colour: blue\n"))
                .hasMessageContaining("unknown field 'colour'");
    }

    @Test
    void an_unsupported_asterisk_version_is_refused() {
        assertThatThrownBy(() -> PbxConfigLoader.parse(VALID + "asteriskVersion: 18\n"))
                .hasMessageContaining("asteriskVersion")
                .hasMessageContaining("20 or 13");
    }

    @Test
    void privilege_masks_print_as_asterisk_does() {
        assertThat(Privileges.eventPrivilege(Privileges.CALL)).isEqualTo("call,all");
        assertThat(Privileges.listCommandsPrivilege(Privileges.SYSTEM | Privileges.REPORTING))
                .isEqualTo("system,reporting,all");
        assertThat(Privileges.listCommandsPrivilege(0)).isEqualTo("<none>");
        assertThat(Privileges.mask(java.util.List.of("call", "system"))).isEqualTo(Privileges.CALL | Privileges.SYSTEM);
    }

    @Test
    void privilege_bits_are_asterisks_event_flags_not_list_positions() {
        // manager.h: hookresponse (1 << 14) is not in perms[], so everything after agi is not at its position.
        assertThat(Privileges.bit("agi")).isEqualTo(1 << 13);
        assertThat(Privileges.bit("cc")).isEqualTo(1 << 15);
        assertThat(Privileges.bit("aoc")).isEqualTo(1 << 16);
        assertThat(Privileges.bit("test")).isEqualTo(1 << 17);
        assertThat(Privileges.SECURITY).isEqualTo(262144);
        assertThat(Privileges.bit("message")).isEqualTo(1 << 30);
        assertThat(Privileges.bit("hookresponse")).isZero();
        assertThat(Privileges.eventPrivilege(Privileges.SECURITY)).isEqualTo("security,all");
        assertThat(Privileges.eventPrivilege(1 << 30 | 1 << 15 | Privileges.SYSTEM))
                .isEqualTo("system,cc,message,all");
    }
}
