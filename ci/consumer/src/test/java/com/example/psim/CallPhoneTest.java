package com.example.psim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.driver.CallPhone;
import io.ucmkit.driver.DriverConfig;
import io.ucmkit.driver.DriverEvent.CallStatus;
import io.ucmkit.driver.EventRecorder;
import io.ucmkit.driver.UcmDriver;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.junit.AmiAccess;
import io.ucmkit.simulator.junit.UcmSimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/simulator.md §7, line for line. */
class CallPhoneTest {

  @RegisterExtension
  static UcmSimulatorExtension pbx = new UcmSimulatorExtension();

  @Test
  void callPhoneIsAcceptedWhenBothPhonesAnswer(Admin phones, AmiAccess ami, @TempDir Path data) {
    Duration wait = Duration.ofSeconds(5);
    DriverConfig config = DriverConfig.builder().address(ami.host()).port(ami.port())
        .username(ami.username()).password(ami.secret()).build();
    try (UcmDriver driver = UcmDriver.start(config, data); EventRecorder events = driver.recordEvents()) {
      driver.awaitConnected(wait);
      String callId = driver.callPhone(new CallPhone("1000", "1002", "Door 3", "Alarm")).join();
      phones.awaitRinging("1000", wait);
      phones.answer("1000");
      phones.awaitRinging("1002", wait);
      phones.answer("1002");
      CallStatus status = events.await(CallStatus.class, s -> s.extension().equals("1002"), wait);
      assertThat(status.status()).isEqualTo(CallStatus.Status.Accepted);
      assertThat(status.callId()).isEqualTo(callId);
    }
  }
}
