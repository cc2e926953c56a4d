package io.ucmkit.features.phones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneSettingsTest {

    @Test
    void readsTheCommandLineListAndNeverShowsAPassword() {
        PhoneSettings settings = PhoneSettings.parse("1000:s3cret-a,1001:s3cret-b", "127.0.0.1:5060");
        assertThat(settings.accounts()).containsOnlyKeys("1000", "1001");
        assertThat(settings.accounts().get("1001").password()).isEqualTo("s3cret-b");
        assertThat(settings.registrar()).isEqualTo("127.0.0.1:5060");
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.toString() + settings.accounts().values()).doesNotContain("s3cret");
    }

    @Test
    void readsAYamlFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("phones.yaml");
        Files.writeString(
                file, "registrar: 127.0.0.1:5070\nphones:\n  1000: pw1\n  1001: {password: pw2, authUser: u1001}\n");
        PhoneSettings settings = PhoneSettings.parse(file.toString(), "127.0.0.1:5060");
        assertThat(settings.registrar()).isEqualTo("127.0.0.1:5070");
        assertThat(settings.accounts().get("1001")).isEqualTo(new PhoneAccount("1001", "u1001", "pw2"));
    }

    @Test
    void anEntryWithoutAPasswordIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> PhoneSettings.parse("1000:pw,1001", "127.0.0.1:5060"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2 has no ':'")
                .hasMessageNotContaining("pw");
    }
}
