package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.driver.DriverObserver.LoginOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginHandshakeTest {

    private final List<LoginOutcome> logins = new ArrayList<>();
    private final DriverObserver observer = new DriverObserver() {
        @Override
        public void login(LoginOutcome outcome) {
            logins.add(outcome);
        }
    };

    private static DriverConfig.Builder config() {
        return DriverConfig.builder().address("pbx").username("admin").password("secret1");
    }

    private static AnsweringSender loggingIn() {
        return new AnsweringSender()
                .success("Challenge", List.of(), "Challenge", "840216730")
                .success("Login", List.of(), "Message", "Authentication accepted");
    }

    private Privileges perform(DriverConfig config, AnsweringSender pbx) {
        return new LoginHandshake(config, observer).perform(pbx).join();
    }

    @Test
    void theMd5LoginSendsTheDigestOfChallengeAndSecretThenReadsTheListedPrivileges() {
        AnsweringSender pbx = loggingIn()
                .success(
                        "ListCommands",
                        List.of(),
                        "Originate",
                        "Originate a call. (Priv: originate,all)",
                        "Redirect",
                        "Redirect (transfer) a call. (Priv: call,all)");

        Privileges privileges = perform(config().build(), pbx);

        assertThat(pbx.actions()).containsExactly("Challenge", "Login", "ListCommands");
        assertThat(pbx.sent.get(1).get("Key")).isEqualTo(LoginHandshake.md5Hex("840216730secret1"));
        assertThat(pbx.sent.get(1).has("Secret")).isFalse();
        assertThat(privileges).isEqualTo(new Privileges(true, true, true));
        assertThat(privileges.problem("admin")).isNull();
        assertThat(logins).containsExactly(LoginOutcome.ACCEPTED);
    }

    @ParameterizedTest(name = "offering [{0}] lacks the {1}")
    @CsvSource({
        "Redirect, originate privilege",
        "Setvar, originate privilege",
        "Originate, call privilege",
        "Ping, originate and call privileges"
    })
    void actionsMissingFromListCommandsAreTheMissingPrivileges(String offered, String missing) {
        AnsweringSender pbx = loggingIn().success("ListCommands", List.of(), offered, "(Priv: all)", "Ping", "Ping");

        Privileges privileges = perform(config().build(), pbx);

        assertThat(privileges.known()).isTrue();
        assertThat(privileges.problem("admin")).startsWith("AMI user 'admin' lacks the " + missing + ": ");
    }

    @Test
    void aListCommandsRefusedLeavesThePrivilegesUnknownAndNothingMissing() {
        AnsweringSender pbx = loggingIn().error("ListCommands", "Permission denied");

        Privileges privileges = perform(config().build(), pbx);

        assertThat(privileges).isEqualTo(Privileges.UNKNOWN);
        assertThat(privileges.problem("admin")).isNull();
    }

    @Test
    void aListCommandsWithoutAnswerFailsTheHandshake() {
        AnsweringSender pbx = loggingIn(); // ListCommands unanswered: TIMEOUT

        assertThatThrownBy(() -> perform(config().build(), pbx))
                .cause()
                .isInstanceOfSatisfying(
                        DriverException.class, d -> assertThat(d.kind()).isEqualTo(DriverException.Kind.TIMEOUT))
                .hasMessageContaining("accepted the login but then answered nothing");
    }

    @Test
    void aRefusedLoginFailsAsRefusedInAnOperatorsWords() {
        AnsweringSender pbx = new AnsweringSender()
                .success("Challenge", List.of(), "Challenge", "1")
                .error("Login", "Authentication failed");

        assertThatThrownBy(() -> perform(config().build(), pbx))
                .cause()
                .isInstanceOfSatisfying(
                        DriverException.class, d -> assertThat(d.kind()).isEqualTo(DriverException.Kind.LOGIN_REFUSED))
                .hasMessageContaining("login refused by the PBX: Authentication failed");
        assertThat(pbx.actions()).doesNotContain("ListCommands");
        assertThat(logins).containsExactly(LoginOutcome.REFUSED);
    }

    @Test
    void aRefusedChallengeFallsBackToPlainLoginOnlyWhenConfigured() {
        AnsweringSender pbx = new AnsweringSender()
                .error("Challenge", "Must specify AuthType")
                .success("Login", List.of())
                .success("ListCommands", List.of(), "Originate", "o", "Setvar", "s");

        assertThatThrownBy(() -> perform(config().build(), pbx)).hasMessageContaining("set loginMode MD5_OR_PLAIN");

        Privileges privileges =
                perform(config().loginMode(LoginMode.MD5_OR_PLAIN).build(), pbx);
        assertThat(pbx.sent.get(pbx.sent.size() - 2).get("Secret")).isEqualTo("secret1");
        assertThat(privileges.problem("admin")).isNull();
    }
}
