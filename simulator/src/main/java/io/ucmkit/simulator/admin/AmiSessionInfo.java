package io.ucmkit.simulator.admin;

/** One AMI connection as the control API lists it: its id, peer, user (once given) and when it connected. */
public record AmiSessionInfo(String id, String remoteAddress, String user, boolean authenticated, String connectedAt) {}
