package io.ucmkit.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ucmkit.ami.AmiMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Bad bytes from the PBX, in an event and in a response: no single bad message costs the connection. A malformed
 * message is counted (counters and observer), logged masked at WARN and skipped; a merely odd one (a bare CR
 * kept inside a line, as Asterisk keeps it) is delivered as it is; the next good message always gets through.
 */
class HostileBytesIT {

    private static final String GOOD_EVENT = "Event: UserEvent\r\nPrivilege: user,all\r\nUserEvent: good\r\n\r\n";

    @TempDir
    Path dataDir;

    private HostileAmiPeer peer;
    private UcmDriver driver;
    private final RecordingObserver observer = new RecordingObserver();
    private final List<AmiMessage> raw = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger connectionLog = (Logger) LoggerFactory.getLogger(AmiConnection.class);

    @BeforeEach
    void start() throws Exception {
        logged.start();
        connectionLog.addAppender(logged);
        peer = new HostileAmiPeer();
        // Pongs may queue behind a 4 MiB message here: keepalive at its default-like pace, not the 300 ms elsewhere.
        driver = UcmDriver.start(
                HostilePbxIT.shortTimeouts(peer.port())
                        .keepaliveInterval(Duration.ofSeconds(1))
                        .keepaliveTimeout(Duration.ofSeconds(2))
                        .actionTimeout(Duration.ofSeconds(2))
                        .build(),
                dataDir,
                Clock.systemUTC(),
                observer);
        driver.subscribeAmi(raw::add);
        await().atMost(Duration.ofSeconds(10)).until(driver::isConnected);
    }

    @AfterEach
    void stop() throws Exception {
        driver.close();
        peer.close();
        connectionLog.detachAppender(logged);
        connectionLog.setLevel(null);
    }

    /** One bad line (or odd bytes in a line), and the decoder's reason, or null when the line is merely odd. */
    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("a bare CR inside a value", bytes("Header: a\rb"), null),
                Arguments.of("a bare CR inside a name", bytes("Hea\rder: v"), null),
                Arguments.of("a bare CR at the end of a value", bytes("Header: v\r\r"), null),
                Arguments.of("a bare CR as the whole line", bytes("\r"), "LINE_WITHOUT_COLON"),
                Arguments.of("a NUL byte", bytes("Header: a\0b"), "NUL_BYTE"),
                Arguments.of(
                        "invalid UTF-8", concat(bytes("Header: a"), new byte[] {(byte) 0xC3, 0x28}), "INVALID_UTF8"),
                Arguments.of("a line without colon", bytes("no colon here"), "LINE_WITHOUT_COLON"),
                Arguments.of("a 70 KB line", bytes("Big: " + "x".repeat(70_000)), "LINE_TOO_LONG"));
    }

    @ParameterizedTest(name = "{0} in an event")
    @MethodSource("badLines")
    void aBadLineInAnEventCostsOnlyThatEvent(String what, byte[] line, String reason) {
        peer.sendToLoggedIn(concat(
                bytes("Event: UserEvent\r\nPrivilege: user,all\r\n"),
                line,
                bytes("\r\nUserEvent: odd\r\n\r\n" + GOOD_EVENT)));

        awaitGoodEvent();
        if (reason == null) {
            assertThat(raw).anyMatch(m -> "odd".equals(m.get("UserEvent")));
            assertThat(observer.malformed).isEmpty();
        } else {
            assertThat(raw).noneMatch(m -> "odd".equals(m.get("UserEvent")));
            assertThat(observer.malformed).containsExactly(reason);
            assertThat(warnings()).singleElement().asString().contains(reason).contains("skipped");
        }
        assertSameConnectionAndNormal();
        assertThat(driver.counters().malformedMessages()).isEqualTo(reason == null ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} in a response")
    @MethodSource("badLines")
    void aBadLineInAResponseFailsOnlyThatAction(String what, byte[] line, String reason) throws Exception {
        peer.replies.put(
                "status",
                id -> concat(
                        bytes("Response: Success\r\nActionID: " + id + "\r\n"),
                        line,
                        bytes("\r\nMessage: done\r\n\r\n")));

        CompletableFuture<AmiResponse> status = driver.sendAction(AmiMessage.of("Action", "Status"));

        if (reason == null) {
            assertThat(status.get(5, TimeUnit.SECONDS).message()).isEqualTo("done");
            assertThat(observer.malformed).isEmpty();
        } else {
            assertThatThrownBy(() -> status.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DriverException.class)
                    .hasMessageContaining("Status: the PBX's answer could not be decoded (" + reason + ")");
            assertThat(observer.malformed).containsExactly(reason);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> observer.actions("Status").stream()
                            .anyMatch(a -> a.outcome() == DriverObserver.ActionOutcome.ERROR));
        }
        assertThat(driver.sendAction(AmiMessage.of("Action", "Ping"))
                        .get(5, TimeUnit.SECONDS)
                        .isSuccess())
                .isTrue();
        peer.sendToLoggedIn(GOOD_EVENT);
        awaitGoodEvent();
        assertSameConnectionAndNormal();
    }

    @Test
    void anUnsolicitedResponseIsCountedLoggedAndSkipped() {
        peer.sendToLoggedIn("Response: Success\r\nActionID: nobody-1\r\nMessage: for no one\r\n\r\n" + GOOD_EVENT);

        awaitGoodEvent();
        assertThat(observer.malformed).containsExactly("response to no pending action");
        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("response without a pending action")
                .contains("nobody-1");
        assertSameConnectionAndNormal();
    }

    @Test
    void anUnterminatedFollowsAnswerCostsOnlyThatActionAndTheDriverResumesAfterTheMessageLimit() throws Exception {
        // Without its --END COMMAND-- the CLI text runs on; the decoder gives up at its 4 MiB message limit and
        // resumes at the next blank line: the damage is bounded and counted as one malformed message.
        StringBuilder runaway = new StringBuilder();
        while (runaway.length() <= 4 * 1024 * 1024) {
            runaway.append("CLI output that never ends with the end-of-command marker\n");
        }
        peer.replies.put(
                "command",
                id -> bytes("Response: Follows\r\nPrivilege: Command\r\nActionID: " + id + "\r\nsome output\n" + runaway
                        + "\r\n" + GOOD_EVENT));

        CompletableFuture<AmiResponse> command =
                driver.sendAction(AmiMessage.of("Action", "Command", "Command", "core show uptime"));

        assertThatThrownBy(() -> command.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DriverException.class)
                .hasMessageContaining("Command: the PBX's answer could not be decoded (MESSAGE_TOO_LARGE)");
        awaitGoodEvent();
        assertThat(observer.malformed).containsExactly("MESSAGE_TOO_LARGE");
        assertThat(driver.sendAction(AmiMessage.of("Action", "Ping"))
                        .get(5, TimeUnit.SECONDS)
                        .isSuccess())
                .isTrue();
        assertSameConnectionAndNormal();
    }

    @Test
    void aListAnswerPastItsBoundFailsThatActionInsteadOfFillingTheHeap() throws Exception {
        int items = PendingAction.MAX_LIST_ITEMS + 1;
        peer.replies.put("coreshowchannels", id -> {
            StringBuilder sb = new StringBuilder("Response: Success\r\nActionID: " + id
                    + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
            for (int i = 0; i < items; i++) {
                sb.append("Event: CoreShowChannel\r\nActionID: ")
                        .append(id)
                        .append("\r\nChannel: PJSIP/1000-")
                        .append(i)
                        .append("\r\nChannelState: 6\r\n\r\n");
            }
            return bytes(sb.append("Event: CoreShowChannelsComplete\r\nActionID: ")
                    .append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ")
                    .append(items)
                    .append("\r\n\r\n")
                    .toString());
        });

        CompletableFuture<AmiResponse> list = driver.sendAction(AmiMessage.of("Action", "CoreShowChannels"));

        assertThatThrownBy(() -> list.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DriverException.class)
                .hasMessageContaining("CoreShowChannels: the PBX listed more than 20000 items; the list was not kept");
        assertThat(observer.malformed).containsExactly("list too long");
        peer.sendToLoggedIn(GOOD_EVENT);
        awaitGoodEvent();
        assertThat(raw).noneMatch(m -> "CoreShowChannel".equals(m.eventName()));
        assertSameConnectionAndNormal();
    }

    @Test
    void aMalformedMessageIsLoggedWithItsSecretsMaskedAndIncomingAmiIsTracedMasked() {
        connectionLog.setLevel(Level.TRACE);
        peer.sendToLoggedIn("Event: UserEvent\r\nKey: k3y-value\r\nSecret: hunter\0two\r\n\r\n"
                + "Event: UserEvent\r\nSecret: s3cr3t\r\nUserEvent: good\r\n\r\n");

        awaitGoodEvent();
        assertThat(observer.malformed).containsExactly("NUL_BYTE");
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("hunter") || m.contains("k3y-value") || m.contains("s3cr3t"))
                .anyMatch(m -> m.startsWith("undecodable AMI input")
                        && m.contains("NUL_BYTE")
                        && m.contains("'Secret: ********'")
                        && m.contains("Key: ********"))
                .anyMatch(m -> m.startsWith("<- ") && m.contains("Secret: ********") && m.contains("UserEvent: good"));
    }

    @Test
    void aStormOfMalformedMessagesIsCountedInFullButLoggedAtMostOnceASecond() {
        StringBuilder storm = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            storm.append("Event: UserEvent\r\nno colon ").append(i).append("\r\n\r\n");
        }
        long started = System.nanoTime();
        peer.sendToLoggedIn(storm + GOOD_EVENT);

        awaitGoodEvent();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(driver.counters().malformedMessages()).isEqualTo(2_000);
        assertThat(observer.malformed).hasSize(2_000);
        assertThat(warnings()).hasSizeBetween(1, (int) seconds + 2);
        assertSameConnectionAndNormal();
    }

    private void awaitGoodEvent() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> raw.stream().anyMatch(m -> "good".equals(m.get("UserEvent"))));
    }

    private void assertSameConnectionAndNormal() {
        assertThat(driver.asset().state()).isEqualTo("Normal");
        assertThat(driver.counters().connects()).isEqualTo(1);
        assertThat(observer.disconnected).isEmpty();
    }

    private List<String> warnings() {
        return logged.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
