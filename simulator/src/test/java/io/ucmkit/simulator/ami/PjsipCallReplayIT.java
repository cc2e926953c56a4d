package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays each PJSIP call recording (transcripts 40–46, real SIP phones on a real Asterisk 20)
 * against the simulator: the recorded client writes and the recorded phone actions (answer,
 * reject, hang up, dial, DTMF) in recorded time on a {@link ManualTime}, then the AMI stream
 * compared with the recorded one by {@link CallStreams} — every message byte for byte after
 * masking, in the recorded order within each channel, dial, bridge, device and hint.
 */
class PjsipCallReplayIT {

    /** Where each replay leaves both masked streams, for a diff when one fails. */
    private static final Path OUT = Path.of("target", "pjsip-replays");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "41_pjsip_call_phone_declined",
                "42_pjsip_call_phone_busy_noanswer_unregistered",
                "43_pjsip_source_declines",
                "44_pjsip_ivr_digits",
                "45_pjsip_chanspy_barge",
                "46_pjsip_feature_code_barge_and_presence"
            })
    void the_simulator_sends_what_the_real_pbx_sent_for_the_same_calls(String transcript) throws Exception {
        assertReplays(List.of(transcript));
    }

    /** 40 and 40b were recorded at once: the admin's session and the call-only reader's. */
    @org.junit.jupiter.api.Test
    void a_call_only_reader_sees_the_answered_call_as_recorded() throws Exception {
        assertReplays(List.of("40_pjsip_call_phone_answered", "40b_pjsip_call_phone_answered_limited"));
    }

    private static void assertReplays(List<String> transcripts) throws Exception {
        List<String> got = replay(transcripts);
        for (int i = 0; i < transcripts.size(); i++) {
            String name = transcripts.get(i);
            List<String> expected = CallStreams.messages(
                    Wire.serverBytes(name).replace("AccountID: limited\r", "AccountID: amireader\r"));
            List<String> produced = CallStreams.messages(got.get(i));
            Files.createDirectories(OUT);
            Files.writeString(
                    OUT.resolve(name + ".recorded.txt"),
                    String.join("\n", expected).replace("\r", ""));
            Files.writeString(
                    OUT.resolve(name + ".produced.txt"),
                    String.join("\n", produced).replace("\r", ""));
            assertThat(CallStreams.difference(expected, produced))
                    .as(name + " (both streams in " + OUT + ")")
                    .isNull();
        }
    }

    /**
     * Runs the recordings' sessions together, one client each, every step at its recorded time;
     * the phone actions are the first recording's. Returns what each client received, in order.
     */
    static List<String> replay(List<String> transcripts) throws Exception {
        ManualTime time = new ManualTime();
        List<Session> sessions = new ArrayList<>();
        try (UcmSimulator sim = UcmSimulator.builder()
                .amiPort(0)
                .config(pjsipPbx())
                .clock(time.clock())
                .scheduler(time)
                .authFailureDelay(Duration.ZERO)
                .start()) {
            List<Timed> steps = new ArrayList<>();
            for (int i = 0; i < transcripts.size(); i++) {
                RecordedTimeline timeline = RecordedTimeline.of(transcripts.get(i));
                Session session = new Session(new AmiTestClient(sim.amiPort()));
                sessions.add(session);
                session.client.banner();
                for (RecordedTimeline.Step step : timeline.steps()) {
                    if (step instanceof RecordedTimeline.ClientWrite || i == 0) {
                        steps.add(new Timed(step, session, steps.size()));
                    }
                }
            }
            steps.sort(Comparator.comparingLong((Timed t) -> t.step.millis()).thenComparingInt(Timed::seq));
            long now = 0;
            for (Timed t : steps) {
                time.advance(Duration.ofMillis(t.step.millis() - now));
                now = t.step.millis();
                if (t.step instanceof RecordedTimeline.ClientWrite w) {
                    t.session.write(Wire.adapt(w.bytes()));
                } else {
                    act(sim.admin(), (RecordedTimeline.PhoneAction) t.step);
                }
            }
            List<String> out = new ArrayList<>();
            for (Session s : sessions) {
                out.add("Asterisk Call Manager/9.0.0\r\n" + s.received());
            }
            return out;
        } finally {
            for (Session s : sessions) {
                s.client.close();
            }
        }
    }

    private record Timed(RecordedTimeline.Step step, Session session, int seq) {}

    /** What a recorded phone did, done at the simulated phone. */
    private static void act(Admin admin, RecordedTimeline.PhoneAction a) {
        switch (a.verb()) {
            case "accept" -> admin.answer(a.ext());
            case "reject" -> admin.decline(a.ext());
            case "hangup" -> admin.hangup(a.ext());
            case "dial" -> admin.dial(a.ext(), a.argument());
            case "dtmf" -> admin.dtmf(a.ext(), a.argument());
            case "stop" -> admin.setRegistered(a.ext(), false);
            case "start" -> admin.setRegistered(a.ext(), true);
            default -> throw new IllegalArgumentException("no simulated phone action for '" + a.verb() + "'");
        }
    }

    /**
     * One AMI client of a replay. Each write waits for the answers to its actions (one Response per
     * Action, the close after a Logoff), so the phone actions that follow meet the state they did.
     */
    private static final class Session {
        final AmiTestClient client;
        private final StringBuilder received = new StringBuilder();

        Session(AmiTestClient client) {
            this.client = client;
        }

        void write(String bytes) {
            client.send(bytes);
            if (bytes.contains("Action: Logoff")) {
                received.append(client.untilClosed());
                return;
            }
            int actions = bytes.split("Action: ", -1).length - 1;
            int responses = 0;
            while (responses < actions) {
                String m = client.message();
                received.append(m);
                responses += m.startsWith("Response: ") ? 1 : 0;
            }
        }

        String received() {
            return received.toString();
        }
    }

    static PbxConfig pjsipPbx() {
        try (InputStream in = PjsipCallReplayIT.class.getResourceAsStream("/pjsip-pbx.yaml")) {
            return PbxConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
