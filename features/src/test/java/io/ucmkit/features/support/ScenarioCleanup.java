package io.ucmkit.features.support;

import io.cucumber.java.After;

/**
 * Stops what a scenario started, in dependency order: the driver service first (it would
 * otherwise log a lost PBX), then the network link, then a PBX the scenario started for itself.
 * Cucumber runs {@code @After} hooks with the higher order first.
 */
public final class ScenarioCleanup {

    private final DriverService driver;
    private final NetworkLink link;
    private final Pbx pbx;

    public ScenarioCleanup(DriverService driver, NetworkLink link, Pbx pbx) {
        this.driver = driver;
        this.link = link;
        this.pbx = pbx;
    }

    @After(order = 30_000)
    public void stopDriver() throws Exception {
        driver.stop();
    }

    @After(order = 20_000)
    public void closeLink() {
        link.close();
    }

    @After(order = 0)
    public void closeOwnPbx() {
        pbx.close();
    }
}
