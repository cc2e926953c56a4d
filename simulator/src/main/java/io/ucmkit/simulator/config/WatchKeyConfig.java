package io.ucmkit.simulator.config;

/**
 * A phone key monitoring another extension's presence ("SIP Presence Guide"): {@code VPK}
 * (virtual multi-purpose key), {@code MPK} (multi-purpose key) or {@code EXT} (extension board key).
 */
public record WatchKeyConfig(String type, String monitors) {}
