package io.ucmkit.features.support;

/** The dataserver's answer to the last command a scenario sent, for the steps that judge it. */
public final class CommandResult {

    private DriverService.Answer answer;

    public void set(DriverService.Answer latest) {
        answer = latest;
    }

    public DriverService.Answer get() {
        if (answer == null) {
            throw new IllegalStateException("no command was sent in this scenario");
        }
        return answer;
    }
}
