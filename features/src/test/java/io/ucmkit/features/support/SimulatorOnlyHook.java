package io.ucmkit.features.support;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.junit.jupiter.api.Assumptions;

/** Skips, with the reason printed, scenarios that need the simulator when the target is external. */
public final class SimulatorOnlyHook {

    private final Pbx pbx;

    public SimulatorOnlyHook(Pbx pbx) {
        this.pbx = pbx;
    }

    @Before("@simulator-only")
    public void skipOnExternalTargets(Scenario scenario) {
        if (!pbx.target().inProcess()) {
            String reason = "skipped on " + pbx.target() + ": '" + scenario.getName()
                    + "' acts as a phone user or the PBX administrator, which only the simulator allows";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }
}
