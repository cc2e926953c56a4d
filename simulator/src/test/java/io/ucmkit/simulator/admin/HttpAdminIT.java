package io.ucmkit.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ucmkit.simulator.junit.UcmSimulatorExtension;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link HttpAdmin} against a started simulator's control API: each failure comes back as the kind
 * the in-process admin raises, with its message, and a small scenario gives the same results
 * through either admin.
 */
class HttpAdminIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static UcmSimulatorExtension sim = new UcmSimulatorExtension();

    private Admin inProcess;
    private HttpAdmin http;

    @BeforeEach
    void admins() {
        inProcess = sim.admin();
        http = HttpAdmin.connect(URI.create("http://127.0.0.1:" + sim.webPort()));
    }

    @Test
    void an_unknown_extension_comes_back_as_UNKNOWN_EXTENSION() {
        sameFailure(a -> a.extension("9999"), SimulatorException.Kind.UNKNOWN_EXTENSION);
        sameFailure(a -> a.answer("9999"), SimulatorException.Kind.UNKNOWN_EXTENSION);
        sameFailure(a -> a.setPresence("9999", PresenceStatus.DND), SimulatorException.Kind.UNKNOWN_EXTENSION);
    }

    @Test
    void a_phone_with_nothing_to_act_on_comes_back_as_NOTHING_TO_ACT_ON() {
        sameFailure(a -> a.answer("1002"), SimulatorException.Kind.NOTHING_TO_ACT_ON);
        sameFailure(a -> a.dtmf("1002", "1"), SimulatorException.Kind.NOTHING_TO_ACT_ON);
    }

    @Test
    void an_invalid_value_comes_back_as_INVALID_VALUE_naming_the_field() {
        assertThat(sameFailure(
                        a -> a.setPresence("1002", PresenceStatus.CUSTOM, "x".repeat(65)),
                        SimulatorException.Kind.INVALID_VALUE))
                .hasMessageStartingWith("text:");
        assertThat(sameFailure(a -> a.dial("1000", "12a"), SimulatorException.Kind.INVALID_VALUE))
                .hasMessageStartingWith("number:");
        assertThat(sameFailure(
                        a -> a.setAnswerMode("1002", AnswerMode.AUTO, Duration.ofMinutes(11)),
                        SimulatorException.Kind.INVALID_VALUE))
                .hasMessageStartingWith("delayMs:");
        assertThat(sameFailure(
                        a -> a.saveAmiUser(new AmiUserInfo("x", "secret", List.of(), List.of(), List.of())),
                        SimulatorException.Kind.INVALID_VALUE))
                .hasMessageContaining("username");
    }

    @Test
    void a_call_answered_by_hand_looks_the_same_through_either_admin() {
        List<String> here = scenario(inProcess);
        inProcess.reset();
        List<String> there = scenario(http);

        assertThat(there).isEqualTo(here);
        assertThat(here)
                .contains(
                        "1002 Ringing",
                        "1002 Up bridged",
                        "1002 presence dnd",
                        "no calls",
                        "NOTHING_TO_ACT_ON: extension 1002 has no ringing call to answer");
    }

    @Test
    void events_arrive_from_the_moment_the_subscription_returns() throws Exception {
        CompletableFuture<PbxEvent> seen = new CompletableFuture<>();
        try (Admin.Subscription s = http.events(e -> {
            if ("PresenceStatus".equals(e.event())) {
                seen.complete(e);
            }
        })) {
            inProcess.setPresence("1003", PresenceStatus.AWAY);

            PbxEvent event = seen.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event.privilege()).isEqualTo("call,all");
            assertThat(event.headers()).containsEntry("Exten", "1003").containsEntry("Status", "away");
        }
    }

    @Test
    void a_user_read_over_http_is_saved_back_with_its_secret_kept() {
        AmiUserInfo shown = http.amiUser("amiadmin").orElseThrow();
        String secret = inProcess.amiUser("amiadmin").orElseThrow().secret();

        http.saveAmiUser(shown);

        assertThat(shown.secret()).isEqualTo("****");
        assertThat(inProcess.amiUser("amiadmin").orElseThrow().secret()).isEqualTo(secret);
        assertThat(http.amiUser("nobody")).isEmpty();
    }

    @Test
    void a_wait_over_http_that_times_out_says_what_it_saw() {
        assertThatThrownBy(() -> http.awaitRinging("1003", Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("extension 1003 ringing; its calls: []");
    }

    @Test
    void connecting_to_nothing_fails_at_once_naming_the_address() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        String address = "http://127.0.0.1:" + closed;

        assertThatThrownBy(() -> HttpAdmin.connect(URI.create(address)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(address + "/api/v1");
    }

    /** What a person does at two phones and in the portal, as lines free of ids and times. */
    private static List<String> scenario(Admin admin) {
        List<String> seen = new ArrayList<>();
        admin.setAnswerMode("1002", AnswerMode.MANUAL);
        admin.dial("1000", "1002");
        seen.add("1002 " + admin.awaitRinging("1002", WAIT).state());
        admin.answer("1002");
        ChannelInfo up = admin.awaitInCall("1002", WAIT);
        seen.add("1002 " + up.state() + (up.bridgedWith() != null ? " bridged" : ""));
        seen.add(
                "1002 presence " + admin.setPresence("1002", PresenceStatus.DND).presence());
        seen.add(admin.awaitPresence("1002", PresenceStatus.DND, WAIT).presenceState());
        admin.hangup("1000");
        seen.add(admin.calls().isEmpty() ? "no calls" : "calls " + admin.calls());
        seen.add(admin.extension("1002").toString()); // whole records, read back from JSON over HTTP
        seen.add(admin.watchers().toString());
        seen.add(kindOf(() -> admin.answer("1002")));
        return seen;
    }

    private static String kindOf(Runnable action) {
        try {
            action.run();
            return "no failure";
        } catch (SimulatorException e) {
            return e.kind() + ": " + e.getMessage();
        }
    }

    /** The operation fails through both admins with {@code kind} and the same message; that failure. */
    private SimulatorException sameFailure(Consumer<Admin> operation, SimulatorException.Kind kind) {
        SimulatorException here = catchThrowableOfType(SimulatorException.class, () -> operation.accept(inProcess));
        SimulatorException there = catchThrowableOfType(SimulatorException.class, () -> operation.accept(http));
        assertThat(here).as("in-process").isNotNull();
        assertThat(there).as("over HTTP").isNotNull();
        assertThat(here.kind()).isEqualTo(kind);
        assertThat(there.kind()).isEqualTo(kind);
        assertThat(there).hasMessage(here.getMessage());
        return there;
    }
}
