package io.ucmkit.driver;

import java.util.List;

/**
 * Judges the asset's true state from what is known of the session (the triggers of docs/driver.md §5): No Communication while no
 * session is up, with the reason of the path that lost it; once up, Fault for an announced Shutdown, a missing
 * privilege, or {@code failureThreshold} actions in a row without an answer, else Normal.
 *
 * <p>Thread: the driver's event loop only (the supervisor hops there with what command threads report), so its
 * counters are plain fields; {@link #configurationInvalid} alone may run anywhere, as it touches none.
 */
final class AssetHealth {

    private final DriverConfig config;
    private final SystemAsset asset;

    private boolean sessionUp;
    private String privilegeProblem;
    private String shutdownAnnounced;
    private int consecutiveFailures;

    AssetHealth(DriverConfig config, SystemAsset asset) {
        this.config = config;
        this.asset = asset;
    }

    /** A configuration that cannot work never reaches the network (docs/driver.md §5: configuration invalid). */
    void configurationInvalid(List<String> problems) {
        asset.setTrueState(
                SystemAsset.TrueState.NO_COMMUNICATION, "configuration invalid: " + String.join("; ", problems));
    }

    /** A session is logged in and re-read: what went wrong with an earlier one no longer counts. */
    void sessionUp(Privileges privileges) {
        sessionUp = true;
        shutdownAnnounced = null;
        consecutiveFailures = 0;
        privilegeProblem = privileges.problem(config.username());
        judge();
    }

    /** No session, for {@code reason}: the connect, the login or the connection failed. */
    void sessionDown(String reason) {
        sessionUp = false;
        asset.setTrueState(SystemAsset.TrueState.NO_COMMUNICATION, reason);
    }

    /** The reason of a lost connection, with the Shutdown the PBX announced before, if it did. */
    String lossReason(String reason) {
        return shutdownAnnounced != null ? reason + " after " + shutdownAnnounced : reason;
    }

    /** Privilege learnt from a real command answer (e.g. Originate got Permission denied). */
    void privilegeMissing(String problem) {
        privilegeProblem = problem;
        judge();
    }

    /** Outcome of a command: consecutive timeouts make the asset Fault ("repeated action failures"). */
    void actionOutcome(boolean timedOut) {
        consecutiveFailures = timedOut ? consecutiveFailures + 1 : 0;
        judge();
    }

    /** The PBX sent {@code Event: Shutdown}: Fault until the connection drops and a new session is up. */
    void shutdownAnnounced(String shutdown, String restart) {
        shutdownAnnounced = "PBX announced Shutdown (" + shutdown + ", restart " + restart + ")";
        judge();
    }

    private void judge() {
        if (!sessionUp) {
            return; // No Communication is set by the path that lost the session, with its reason
        }
        String fault = shutdownAnnounced != null
                ? shutdownAnnounced
                : privilegeProblem != null
                        ? privilegeProblem
                        : consecutiveFailures >= config.failureThreshold()
                                ? consecutiveFailures + " consecutive actions got no answer from the PBX"
                                : null;
        if (fault != null) {
            asset.setTrueState(SystemAsset.TrueState.FAULT, fault);
        } else {
            asset.setTrueState(
                    SystemAsset.TrueState.NORMAL,
                    "connected to " + config.address() + ":" + config.port() + " as " + config.username());
        }
    }
}
