package io.ucmkit.simulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A broken config is refused with every problem at once, each with its path, the value and what is allowed. */
class PbxConfigProblemsTest {

    private static final String USER =
            "  - {username: amiadmin, secret: amiadmin1, permit: [\"127.0.0.1/255.255.255.255\"], read: [all], write: [all]}\n";

    private static List<String> problems(String yaml) {
        PbxConfigException e = catchThrowableOfType(() -> PbxConfigLoader.parse(yaml), PbxConfigException.class);
        assertThat(e).as("refused").isNotNull();
        return e.problems().stream().map(PbxConfigProblem::text).toList();
    }

    @Test
    void every_bad_value_is_reported_not_only_the_first() {
        List<String> problems = problems("""
        asteriskVersion: 18
        amiUsers:
        """ + USER + """
        extensions:
          - {number: "1000", model: GXP2170}
          - {number: "1001", model: GXP2170, answerMode: auto}
          - {number: "1002", model: GXP2170, answerMode: maybe, declineWith: 500}
        ivrs: [{number: "6999"}]
        """);
        assertThat(problems)
                .containsExactly(
                        "asteriskVersion = '18'; allowed: 20 or 13",
                        "extensions[2].answerMode = 'maybe'; allowed: manual | auto | decline | busy | no-answer",
                        "extensions[2].declineWith = '500'; allowed: 486 | 603",
                        "ivrs[0].number = '6999'; allowed: 7000 to 7100 (the UCM's IVR range)");
    }

    @Test
    void unknown_fields_are_reported_with_their_path_and_the_names_allowed_there() {
        List<String> problems = problems("""
        colour: blue
        amiUsers:
        """ + USER + """
        extensions:
          - {number: "1000", model: GXP2170}
          - {number: "1001", model: GXP2170, answerMod: auto, keys: [{type: VPK, monitor: "1000"}]}
        """);
        assertThat(problems)
                .containsExactly(
                        "unknown field 'colour'; allowed: asteriskVersion, channelTech, context, amiUsers, extensions, ivrs, featureCodes",
                        "unknown field 'extensions[1].answerMod'; allowed: number, name, model, registered, answerMode, answerDelayMs, keys, declineWith",
                        "unknown field 'extensions[1].keys[0].monitor'; allowed: type, monitors",
                        // the misspelt field leaves the one it meant missing
                        "extensions[1].keys[0].monitors is missing; allowed: another configured extension");
    }

    @Test
    void values_of_the_wrong_kind_are_named_in_words_not_java_types() {
        PbxConfigException e =
                catchThrowableOfType(() -> PbxConfigLoader.parse("""
        asteriskVersion: twenty
        amiUsers:
        """ + USER + """
        extensions:
          - {number: "1000", model: GXP2170, answerDelayMs: soon, registered: maybe}
          - {number: "1001", model: GXP2170, answerDelayMs: 1.5, keys: VPK}
          - "1002"
        featureCodes: "*48"
        """), PbxConfigException.class);
        assertThat(e.problems())
                .extracting(PbxConfigProblem::text)
                .containsExactly(
                        "asteriskVersion = 'twenty'; expected a whole number",
                        "extensions[0].answerDelayMs = 'soon'; expected a whole number",
                        "extensions[0].registered = 'maybe'; expected true or false",
                        "extensions[1].answerDelayMs = '1.5'; expected a whole number",
                        "extensions[1].keys = 'VPK'; expected a list of mappings with the fields type, monitors",
                        "extensions[2] = '1002'; expected a mapping with the fields number, name, model, registered, answerMode, answerDelayMs,"
                                + " keys, declineWith",
                        "featureCodes = '*48'; expected a mapping with the fields presence, listen, whisper, barge, shortRing");
        assertThat(e.getMessage())
                .startsWith("invalid config, 7 problems:\n  - asteriskVersion = 'twenty'")
                .doesNotContain("java.", "Integer", "Boolean");
    }

    @Test
    void shape_and_value_problems_come_together_and_a_field_already_reported_is_not_reported_again() {
        List<String> problems = problems("""
        amiUsers:
          - {username: admin, secret: amiadmin1, read: [call, everything], write: call}
        extensions:
          - {number: [1000], model: GXP2170}
          - ~
          - {number: "1002", model: GXP2170, answerMode: maybe}
        """);
        assertThat(problems)
                .containsExactly(
                        "amiUsers[0].write = 'call'; expected a list of texts",
                        "extensions[0].number is a list; expected text",
                        "extensions[1] is empty; expected a mapping with the fields number, name, model, registered, answerMode, answerDelayMs,"
                                + " keys, declineWith",
                        "amiUsers[0].username = 'admin'; allowed: 8 to 32 letters, digits, '_', '.' or '-'",
                        "amiUsers[0].read[1] = 'everything'; allowed: all or one of " + Privileges.NAMES,
                        "extensions[2].answerMode = 'maybe'; allowed: manual | auto | decline | busy | no-answer");
    }

    @Test
    void a_secret_never_appears_in_a_problem() {
        PbxConfigException e = catchThrowableOfType(() -> PbxConfigLoader.parse("""
        amiUsers:
          - {username: amiadmin, secret: [hunter2, x], permit: [], read: [all], write: [all]}
          - {username: amireader, secret: "hunter3\\n", permit: [], read: [all], write: [all]}
          - [amiother1, hunter4]
        """), PbxConfigException.class);
        assertThat(e.problems())
                .extracting(PbxConfigProblem::text)
                .containsExactly(
                        "amiUsers[0].secret is a list; expected text",
                        "amiUsers[2] is a list; expected a mapping with the fields username, secret, permit, read, write",
                        "amiUsers[1].secret = '****'; allowed: 1 to 64 characters without line breaks");
        assertThat(e.getMessage()).doesNotContain("hunter");
    }

    @Test
    void one_problem_reads_as_one_line_naming_the_field() {
        PbxConfigException e = catchThrowableOfType(
                () -> PbxConfigLoader.parse("amiUsers:\n" + USER + "context: \"from internal\"\n"),
                PbxConfigException.class);
        assertThat(e)
                .hasMessage(
                        "invalid config field context = 'from internal'; allowed: a dialplan context name (letters, digits, '_' or '-')");
    }

    @Test
    void a_file_that_is_not_yaml_names_the_line() {
        assertThat(catchThrowableOfType(
                        () -> PbxConfigLoader.parse("amiUsers:\n  - {username: x\nextensions: ]"),
                        PbxConfigException.class))
                .hasMessageStartingWith("config: not YAML or JSON at line ");
    }

    @Test
    void a_config_that_is_not_a_mapping_says_what_it_must_be() {
        assertThat(problems("just text"))
                .containsExactly(
                        "the config = 'just text'; expected a mapping with the fields asteriskVersion, channelTech, context, amiUsers, extensions,"
                                + " ivrs, featureCodes");
    }
}
