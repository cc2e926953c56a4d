package io.ucmkit.ami.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared test client against a scripted server on a port of the test's own: every byte is the test's. */
class AmiTestClientIT {

    private static final String BANNER = "Asterisk Call Manager/5.0.4\r\n";
    private static final Duration SHORT = Duration.ofMillis(300);

    private ServerSocket listener;
    private Socket server;
    private AmiTestClient client;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        listener.close();
    }

    private AmiTestClient connect(AmiTestClient.Builder builder) throws IOException {
        client = builder.connect();
        server = listener.accept();
        server.setSoTimeout(10_000);
        return client;
    }

    private AmiTestClient connect() throws IOException {
        return connect(AmiTestClient.builder(listener.getLocalPort()));
    }

    private void serverSends(String text) {
        try {
            OutputStream out = server.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next request the client sent, up to and including its blank line. */
    private String serverReads() throws IOException {
        InputStream in = server.getInputStream();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        while (!request.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the client closed; it sent: " + request);
            }
            request.write(b);
        }
        return request.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_banner_and_each_message_come_decoded_with_their_exact_text() throws IOException {
        connect();
        serverSends(BANNER
                + "Response: Success\r\nActionID: 1\r\nPing: Pong\r\n\r\nEvent: FullyBooted\r\nStatus: ok\r\n\r\n");

        assertThat(client.banner()).isEqualTo("Asterisk Call Manager/5.0.4");
        Received answer = client.next();
        assertThat(answer.message()).isEqualTo(AmiMessage.of("Response", "Success", "ActionID", "1", "Ping", "Pong"));
        assertThat(answer.wire()).isEqualTo("Response: Success\r\nActionID: 1\r\nPing: Pong\r\n\r\n");
        assertThat(client.nextText()).isEqualTo("Event: FullyBooted\r\nStatus: ok\r\n\r\n");
    }

    @Test
    void a_message_written_one_byte_at_a_time_is_read_once_whole() throws IOException {
        connect();
        String message = "Event: Newchannel\r\nChannel: PJSIP/1000-00000001\r\n\r\n";
        serverSends(BANNER);
        for (char c : message.toCharArray()) {
            serverSends(String.valueOf(c));
        }

        client.banner();
        assertThat(client.nextText()).isEqualTo(message);
        assertThat(client.framesReceived()).isEqualTo(2);
    }

    @Test
    void login_sends_the_credentials_and_returns_once_the_server_accepts() throws Exception {
        connect();
        serverSends(BANNER);
        client.banner();
        Thread answering = new Thread(() -> {
            try {
                String login = serverReads();
                AmiMessage request = (AmiMessage) AmiWire.decodeServer(login).get(0);
                assertThat(request)
                        .isEqualTo(AmiMessage.of(
                                "Action", "Login", "Username", "amiadmin", "Secret", "secret", "Events", "off"));
                serverSends("Event: Unrelated\r\n\r\nResponse: Success\r\nMessage: Authentication accepted\r\n\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        answering.start();

        client.login("amiadmin", "secret", "off");
        answering.join();

        assertThat(client.received()).hasSize(3);
    }

    @Test
    void a_refused_login_fails_with_the_answer() throws Exception {
        connect();
        serverSends(BANNER + "Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        client.banner();

        assertThatThrownBy(() -> client.login("amiadmin", "wrong", null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Authentication failed");
        assertThat(serverReads()).isEqualTo("Action: Login\r\nUsername: amiadmin\r\nSecret: wrong\r\n\r\n");
    }

    @Test
    void an_action_returns_the_answer_with_its_action_id_passing_over_events_and_other_answers() throws IOException {
        connect();
        serverSends(BANNER + "Event: PeerStatus\r\nPeer: PJSIP/1000\r\n\r\n"
                + "Response: Success\r\nActionID: other\r\n\r\n"
                + "Response: Success\r\nActionID: mine\r\nPing: Pong\r\n\r\n");

        AmiMessage answer = client.action("Action", "Ping", "ActionID", "mine");

        assertThat(answer.get("Ping")).isEqualTo("Pong");
        assertThat(serverReads()).isEqualTo("Action: Ping\r\nActionID: mine\r\n\r\n");
    }

    @Test
    void an_event_is_found_whether_it_came_before_or_after_the_wait_began() throws IOException {
        connect();
        serverSends(BANNER + "Event: First\r\n\r\n");
        assertThat(client.awaitEvent(e -> "First".equals(e.eventName()), SHORT).eventName())
                .isEqualTo("First");

        serverSends("Event: Second\r\nState: up\r\n\r\n");
        assertThat(client.awaitEvent(e -> "up".equals(e.get("State")), AmiTestClient.DEFAULT_TIMEOUT)
                        .eventName())
                .isEqualTo("Second");
        // awaiting an event does not move the reading cursor
        assertThat(client.banner()).startsWith("Asterisk");
        assertThat(client.nextMessage().eventName()).isEqualTo("First");
        assertThat(client.events()).hasSize(2);
    }

    @Test
    void the_messages_read_are_those_the_cursor_passed_not_those_received_after_it() throws IOException {
        connect();
        serverSends(BANNER + "Event: A\r\n\r\nEvent: B\r\n\r\nResponse: Success\r\nActionID: x\r\n\r\n"
                + "Event: C\r\n\r\n");

        assertThat(client.messagesUntil(m -> "B".equals(m.eventName())))
                .extracting(AmiMessage::eventName)
                .containsExactly("A", "B");
        assertThat(client.answerTo("x").message().response()).isEqualTo("Success");
        client.awaitEvent(e -> "C".equals(e.eventName()), AmiTestClient.DEFAULT_TIMEOUT);
        assertThat(client.messagesRead()).hasSize(3);
        assertThat(client.nextMessage(m -> m.isEvent()).eventName()).isEqualTo("C");
        assertThat(client.messagesRead()).hasSize(4);
    }

    @Test
    void a_wait_that_reaches_its_deadline_fails_naming_what_did_arrive() throws IOException {
        connect();
        serverSends(BANNER + "Event: Unrelated\r\n\r\n");

        assertThatThrownBy(() -> client.awaitEvent(e -> "Never".equals(e.eventName()), SHORT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("within 300 ms")
                .hasMessageContaining("Event: Unrelated");
    }

    @Test
    void the_server_closing_in_the_middle_of_a_message_gives_a_truncated_failure_with_its_bytes() throws IOException {
        connect();
        serverSends(BANNER + "Response: Success\r\nActionID: cut\r\nPart");
        server.close();

        assertThat(client.awaitClosedByPeer(AmiTestClient.DEFAULT_TIMEOUT)).isTrue();
        client.banner();
        Received cut = client.next();
        assertThat(cut.frame())
                .isInstanceOfSatisfying(
                        AmiDecodeFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(AmiDecodeFailure.Reason.TRUNCATED));
        assertThat(cut.wire()).isEqualTo("Response: Success\r\nActionID: cut\r\nPart");
        assertThatThrownBy(client::next).hasMessageContaining("the connection closed");
    }

    @Test
    void a_server_that_closes_without_a_banner_gives_none() throws IOException {
        connect();
        server.close();

        assertThat(client.bannerOrNull()).isNull();
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void a_client_that_does_not_keep_events_counts_them_and_keeps_the_answers() throws IOException {
        connect(AmiTestClient.builder(listener.getLocalPort()).keepEvents(false));
        StringBuilder flood = new StringBuilder(BANNER);
        for (int i = 0; i < 1000; i++) {
            flood.append("Event: Tick\r\nN: ").append(i).append("\r\n\r\n");
        }
        serverSends(flood.append("Response: Success\r\nActionID: p\r\n\r\n").toString());

        assertThat(client.answerTo("p").wire()).isEqualTo("Response: Success\r\nActionID: p\r\n\r\n");
        assertThat(client.framesReceived()).isEqualTo(1002);
        assertThat(client.eventsReceived()).isEqualTo(1000);
        assertThat(client.received()).hasSize(2);
        assertThatThrownBy(client::events).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lines_are_sent_with_crlf_and_the_blank_line_and_bytes_as_they_are() throws IOException {
        connect();
        client.sendLines("Action: Ping\nActionID: x");
        assertThat(serverReads()).isEqualTo("Action: Ping\r\nActionID: x\r\n\r\n");
        client.send(new byte[] {'A', 0, (byte) 0xff, '\r', '\n', '\r', '\n'});
        assertThat(serverReads().getBytes(StandardCharsets.ISO_8859_1)).hasSize(7);
    }

    @Test
    void a_paused_client_reads_the_rest_when_drained_up_to_the_close_and_counts_the_unread_bytes() throws IOException {
        connect();
        serverSends(BANNER);
        client.banner();
        client.pauseReading();
        serverSends("Event: Later\r\n\r\n");
        serverSends("\r\n");
        server.close();

        assertThat(client.drainUntilClosed()).isEqualTo("Event: Later\r\n\r\n\r\n".length());
        assertThat(client.bytesReceived()).isEqualTo(BANNER.length() + "Event: Later\r\n\r\n\r\n".length());
        assertThat(client.textUntilClosed()).isEmpty();
    }
}
