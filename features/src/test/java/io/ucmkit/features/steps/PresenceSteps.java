package io.ucmkit.features.steps;

import io.cucumber.java.en.Given;
import io.ucmkit.features.support.Pbx;

/** What a UCM user does in the web portal: only the simulator lets the suite act as that user. */
public final class PresenceSteps {

    private final Pbx pbx;

    public PresenceSteps(Pbx pbx) {
        this.pbx = pbx;
    }

    @Given("extension {word} sets its presence to {string} in the user portal")
    public void setsPresence(String extension, String status) {
        pbx.simulator().admin().setPresence(extension, status, null);
    }

    @Given("extension {word} sets a custom presence {string} in the user portal")
    public void setsCustomPresence(String extension, String text) {
        pbx.simulator().admin().setPresence(extension, "custom", text);
    }
}
