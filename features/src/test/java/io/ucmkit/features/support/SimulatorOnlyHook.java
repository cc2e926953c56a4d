package io.ucmkit.features.support;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips, with the reason printed, scenarios the target cannot serve: {@code @simulator-only}
 * ones act as a phone's user or the UCM administrator (the in-process simulator, or an external
 * one with its control API given); {@code @in-process} ones start, restart or re-clock a
 * simulator of their own.
 */
public final class SimulatorOnlyHook {

    private final Pbx pbx;

    public SimulatorOnlyHook(Pbx pbx) {
        this.pbx = pbx;
    }

    @Before(value = "@simulator-only", order = 0)
    public void skipWithoutSimulatorControl(Scenario scenario) {
        if (!pbx.controllable()) {
            skip(scenario, "acts as a phone user or the PBX administrator, which only a simulator allows");
        }
    }

    @Before(value = "@in-process", order = 0)
    public void skipOnExternalTargets(Scenario scenario) {
        if (!pbx.target().inProcess()) {
            skip(scenario, "starts a PBX of its own, which only the in-process simulator allows");
        }
    }

    private void skip(Scenario scenario, String why) {
        String reason = "skipped on " + pbx.target() + ": '" + scenario.getName() + "' " + why;
        System.out.println(reason);
        Assumptions.abort(reason);
    }
}
