package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.config.PbxConfigLoader;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.PbxCallPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRegistryTest {

    final ManualTime time = new ManualTime();
    final Pbx pbx = new Pbx(PbxConfigLoader.defaults(), new EventBus(), time.clock());
    final ActionRegistry registry =
            ActionRegistry.standard(Calls.create(new PbxCallPort(pbx), time.clock(), time, pbx.events(), false));

    @Test
    void actionsAreFoundWhateverTheCaseOfTheirName() {
        assertThat(registry.find("originate")).map(RegisteredAction::name).contains("Originate");
        assertThat(registry.find("PJSIPSHOWCONTACTS"))
                .map(RegisteredAction::name)
                .contains("PJSIPShowContacts");
        assertThat(registry.find("Dial")).isEmpty();
    }

    @Test
    void theNamesAreSortedAsListCommandsPrintsThem() {
        assertThat(registry.names())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER)
                .contains("Hangup", "Status");
    }

    @Test
    void onlyLoginChallengeAndLogoffRunBeforeLogin() {
        assertThat(registry.all())
                .filteredOn(a -> a.spec().beforeLogin())
                .extracting(RegisteredAction::name)
                .containsExactly("Challenge", "Login", "Logoff");
    }

    @Test
    void anAddedActionReplacesTheOneOfTheSameNameAndLeavesTheRegistryItCameFromAlone() {
        ActionHandler quiet = ctx -> ctx.success("Quiet");
        ActionRegistry changed = registry.with(
                List.of(ActionSpec.of("PING", "Quiet ping.", Privileges.SYSTEM).handledBy(quiet)));
        assertThat(changed.find("Ping")).map(a -> a.spec().synopsis()).contains("Quiet ping.");
        assertThat(changed.names()).hasSameSizeAs(registry.names());
        assertThat(registry.find("Ping")).map(a -> a.spec().synopsis()).contains("Keepalive command.");
    }
}
