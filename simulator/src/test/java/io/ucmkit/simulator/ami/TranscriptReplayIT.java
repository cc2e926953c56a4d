package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sends each recorded client byte stream to the simulator in one write and compares everything it
 * answers, up to its close, with the recorded server bytes (adapted and masked by {@link Wire}).
 */
class TranscriptReplayIT {

  private static UcmSimulator sim;

  @BeforeAll
  static void start() {
    sim = TestSims.builder().start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.admin().reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01_banner_login_success", "02_login_failure", "02b_action_before_login_and_unknown_user",
      "04_ping", "05_unknown_action", "06_missing_action_header", "07_garbage_line_without_colon", "08_logoff",
      "11_extensionstate_1000", "12_extensionstatelist", "13_presence_setvar_and_cli", "14_presencestate_action",
      "16_devicestate_setvar_extensionstatus", "21_line_over_1024", "22_pipelined_two_actions"})
  void the_simulator_answers_the_recorded_client_bytes_with_the_recorded_server_bytes(String transcript) throws Exception {
    if (transcript.startsWith("14")) {
      // The state transcript 14 was recorded in (set earlier by dialplan on the real Asterisk).
      sim.pbx().setPresence("1000", new Presence("dnd", "", "In a meeting"), Pbx.PresenceSource.GUI);
      sim.pbx().setPresence("1001", new Presence("away", "lunch", "Back at 2"), Pbx.PresenceSource.GUI);
      sim.pbx().setPresence("1002", Presence.NOT_SET, Pbx.PresenceSource.GUI);
    }
    try (AmiTestClient client = new AmiTestClient(sim.amiPort())) {
      client.send(Wire.clientBytes(transcript));
      String got = Wire.mask(client.untilClosed());
      if (transcript.startsWith("16")) {
        assertThat(Wire.messagesSorted(got)).isEqualTo(Wire.messagesSorted(Wire.serverBytes(transcript)));
      } else {
        assertThat(got).isEqualTo(Wire.serverBytes(transcript));
      }
    }
  }
}
