package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.ami.AmiMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandsTest {

    @Test
    void callPhoneIsAnAsyncOriginateWithLine1AsNameAndLine2AsNumber() {
        AmiMessage m = new CallPhone("1000", "1001", "Door 3", "Alarm 12").toOriginate("PJSIP", "from-internal");

        assertThat(m)
                .isEqualTo(AmiMessage.of(
                        "Action",
                        "Originate",
                        "Channel",
                        "PJSIP/1000",
                        "Context",
                        "from-internal",
                        "Exten",
                        "1001",
                        "Priority",
                        "1",
                        "CallerID",
                        "\"Door 3\" <Alarm 12>",
                        "Async",
                        "true"));
    }

    @Test
    void bargeIsChanSpyQuietBargeExitOnThePrefixOfTheDestination() {
        AmiMessage m = new Barge("1002", "1000").toOriginate("SIP");

        assertThat(m)
                .isEqualTo(AmiMessage.of(
                        "Action",
                        "Originate",
                        "Channel",
                        "SIP/1002",
                        "Application",
                        "ChanSpy",
                        "Data",
                        "SIP/1000-,qBE",
                        "Async",
                        "true"));
    }

    @ParameterizedTest(name = "[{0}|{1}|{2}|{3}] → {4}")
    @CsvSource(
            value = {
                "NULL|1001|a|b|sourceExtension is required",
                "1000|'  '|a|b|destinationExtension is required",
                "1000|1001|NULL|b|line1Text is required",
                "1000|1001|a|''|line2Text is required",
                "10a0|1001|a|b|sourceExtension must be a numeric extension (digits only), was '10a0'",
                "1000|*48|a|b|destinationExtension must be a numeric extension (digits only), was '*48'",
            },
            delimiter = '|',
            nullValues = "NULL")
    void aMissingOrMalformedCallPhoneParameterIsRejectedByName(
            String src, String dst, String l1, String l2, String message) {
        assertThatThrownBy(() -> new CallPhone(src, dst, l1, l2).validate())
                .isInstanceOf(DriverException.class)
                .hasMessage(message);
    }

    @Test
    void quotesAndAngleBracketsWouldBreakTheCallerIdAndAreRejected() {
        assertThatThrownBy(() -> new CallPhone("1000", "1001", "say \"hi\"", "b").validate())
                .hasMessageStartingWith("line1Text must not contain");
        assertThatThrownBy(() -> new CallPhone("1000", "1001", "a", "<b>").validate())
                .hasMessageStartingWith("line2Text must not contain");
    }

    @Test
    void bargeNeedsTwoDifferentNumericExtensions() {
        assertThatThrownBy(() -> new Barge(null, "1000").validate()).hasMessage("sourceExtension is required");
        assertThatThrownBy(() -> new Barge("1000", "1000").validate())
                .hasMessage("sourceExtension and destinationExtension must differ");
    }

    @Test
    void theMd5KeyIsLowerCaseHexOfChallengePlusSecretAsInAmiMd() {
        // docs/ami.md §2.2: challenge 840216730, secret Amisecret1
        assertThat(LoginHandshake.md5Hex("840216730" + "Amisecret1")).isEqualTo("e83101dae80df2702fab9eb76e61faf9");
    }

    @Test
    void aConfigThatCannotWorkListsEveryProblemAndNeverShowsThePassword() {
        DriverConfig config = DriverConfig.builder()
                .address(" ")
                .port(70000)
                .username("u")
                .password("s3cret")
                .channelTech("IAX2")
                .build();

        assertThat(config.problems())
                .containsExactly(
                        "address is missing",
                        "port must be 1-65535, was 70000",
                        "channelTech must be PJSIP or SIP, was IAX2");
        assertThat(config.toString()).doesNotContain("s3cret").contains("password=********");
        assertThat(DriverConfig.builder().address("a").username("u").build().problems())
                .containsExactly("password is missing (set UCMKIT_PASSWORD or 'password' in the config file)");
    }
}
