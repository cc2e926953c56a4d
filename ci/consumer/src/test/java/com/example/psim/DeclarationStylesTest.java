package com.example.psim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.junit.UcmSimulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's extension declared each way a consumer would. */
class DeclarationStylesTest {

  @Nested
  class AsAnInstanceField {
    @RegisterExtension
    UcmSimulatorExtension pbx = UcmSimulatorExtension.builder().asterisk(13).build();

    @Test
    void runs(UcmSimulator sim) {
      assertThat(pbx.amiPort()).isEqualTo(sim.amiPort());
    }
  }

  @Nested
  @ExtendWith(UcmSimulatorExtension.class)
  class WithExtendWith {
    @Test
    void injects(Admin admin) {
      admin.setPresence("1001", PresenceStatus.DND);
      assertThat(admin.awaitPresence("1001", PresenceStatus.DND, Duration.ofSeconds(5)).presence()).isEqualTo("dnd");
    }

    @Nested
    class AndNestedInside {
      @Test
      void injects_too(Admin admin) {
        assertThat(admin.extension("1001").presence()).as("reset before each test").isEqualTo("available");
      }
    }
  }
}
