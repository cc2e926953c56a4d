package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelsTest {

    @ParameterizedTest(name = "{0} belongs to {1}")
    @CsvSource({
        "PJSIP/1000-0000000a,1000",
        "SIP/1000-0000000a,1000",
        "Local/1000@internal-00000000;2,1000",
        "PJSIP/trunk-a-00000001,trunk-a",
        "PJSIP/1000,1000"
    })
    void theExtensionOfAChannelIsItsEndpointName(String channel, String extension) {
        assertThat(Channels.extension(channel)).isEqualTo(extension);
    }

    @ParameterizedTest(name = "{0} is leg {1}")
    @CsvSource({
        "Local/1000@internal-00000000;1,Local/1000@internal-00000000",
        "Local/1000@internal-00000000;2,Local/1000@internal-00000000",
        "PJSIP/1000-0000000a,PJSIP/1000-0000000a"
    })
    void bothHalvesOfALocalChannelAreOneLeg(String channel, String leg) {
        assertThat(Channels.legKey(channel)).isEqualTo(leg);
    }
}
