package io.ucmkit.simulator.call;

/** What a Redirect did, or why nothing moved (manager.c {@code action_redirect}'s refusals, in its order). */
public enum RedirectResult {
    REDIRECTED,
    DUAL_REDIRECTED,
    NO_SUCH_CHANNEL,
    CHANNEL_NOT_UP,
    NO_SUCH_TARGET,
    NO_SUCH_EXTRA_CHANNEL,
    EXTRA_CHANNEL_NOT_UP,
    NO_SUCH_EXTRA_TARGET
}
