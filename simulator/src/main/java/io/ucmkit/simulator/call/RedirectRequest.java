package io.ucmkit.simulator.call;

/**
 * A checked Redirect (docs/ami.md §3.2): {@code channel} to {@code context/exten}; with an
 * {@code extraChannel}, that one too, to {@code extraContext/extraExten} (the first target when the
 * request named no ExtraContext).
 */
public record RedirectRequest(
        String channel, String context, String exten, String extraChannel, String extraContext, String extraExten) {

    public static RedirectRequest single(String channel, String context, String exten) {
        return new RedirectRequest(channel, context, exten, null, null, null);
    }
}
