package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file's problems come all at once, each naming its field path and, for a value of the wrong kind, what it takes in words. */
class ServiceConfigProblemsTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("driver.yaml"), yaml);
    }

    private String refusal(String yaml) throws IOException {
        ServiceConfig config = ServiceConfig.load(file(yaml));
        IllegalArgumentException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                config::toDriverConfig, IllegalArgumentException.class);
        assertThat(e).as("refused").isNotNull();
        return e.getMessage();
    }

    @Test
    void aTypeErrorNamesTheFieldPathAndTheKindOfValueInWords() throws IOException {
        Path f = dir.resolve("driver.yaml");
        assertThat(refusal("""
                address: pbx
                username: amiadmin
                password: amiadmin1
                port: seven
                tls: maybe
                loginMode: sha1
                reconnect: {initialMs: soon, multiplier: fast, jitter: [0]}
                dataserverPort: 9689.5
                """)).isEqualTo("""
                invalid configuration, nothing started:
                  - %1$s: port = 'seven'; expected a whole number
                  - %1$s: tls = 'maybe'; expected true or false
                  - %1$s: loginMode = 'sha1'; expected one of MD5, MD5_OR_PLAIN, PLAIN
                  - %1$s: reconnect.initialMs = 'soon'; expected a whole number
                  - %1$s: reconnect.multiplier = 'fast'; expected a number
                  - %1$s: reconnect.jitter is a list; expected a number
                  - %1$s: dataserverPort = '9689.5'; expected a whole number""".formatted(f)).doesNotContain("java.", "Integer");
    }

    @Test
    void fileProblemsAndTheDriversOwnAreListedTogether() throws IOException {
        Path f = dir.resolve("driver.yaml");
        // the port's own complaint ("port must be 1-65535") is not repeated: the file's problem says it
        assertThat(refusal("""
                adress: pbx
                port: [7777]
                password: hunter2
                reconnect: {initial: 100}
                channelTech: IAX
                """)).isEqualTo("""
                invalid configuration, nothing started:
                  - %1$s: unknown field 'adress'; allowed: address, port, username, password, loginMode, tls, tlsTrustCertificate, \
                channelTech, context, ivrFirst, ivrLast, connectTimeoutMs, actionTimeoutMs, keepaliveIntervalMs, keepaliveTimeoutMs, \
                reconnect, refusedLoginRetry, dataserverPort, debugPort, bind, dataDir, eventHistory
                  - %1$s: port is a list; expected a whole number
                  - %1$s: unknown field 'reconnect.initial'; allowed: initialMs, maxMs, multiplier, jitter
                  - address is missing
                  - username is missing
                  - channelTech must be PJSIP or SIP, was IAX""".formatted(f));
    }

    @Test
    void aPasswordOfTheWrongKindIsNeverShown() throws IOException {
        String message = refusal("address: pbx\nusername: u\npassword: {value: hunter2}\nport: x\n");
        assertThat(message).contains("password is a mapping; expected text").doesNotContain("hunter2");
        assertThat(refusal("address: pbx\nusername: u\npassword: hunter2\nport: hunter3\n"))
                .doesNotContain("hunter2")
                .contains("port = 'hunter3'");
    }

    @Test
    void aFileThatIsNotYamlFailsAtOnceNamingTheLine() throws IOException {
        Path f = file("address: [pbx\nport: 1\n");
        assertThatThrownBy(() -> ServiceConfig.load(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("config " + f + ": not YAML or JSON at line ");
    }

    @Test
    void aFileThatIsNotAMappingSaysWhatItMustBe() throws IOException {
        assertThat(refusal("just-a-host\n"))
                .startsWith("invalid configuration, nothing started:\n  - " + dir.resolve("driver.yaml")
                        + ": the config = 'just-a-host'; expected a mapping with the fields address, port, username,");
    }

    @Test
    void aGoodFileBindsAsBefore() throws IOException {
        var c = ServiceConfig.load(file("address: pbx\nusername: u\npassword: p\nport: \"5038\"\nloginMode: plain\n"
                        + "refusedLoginRetry: {initialMs: 1000}\n"))
                .toDriverConfig();
        assertThat(c.port()).isEqualTo(5038);
        assertThat(c.loginMode()).isEqualTo(io.ucmkit.driver.LoginMode.PLAIN);
        assertThat(c.refusedLoginRetry().initial()).isEqualTo(java.time.Duration.ofSeconds(1));
    }
}
