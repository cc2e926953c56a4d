package io.ucmkit.simulator.admin;

import java.util.Map;

/**
 * One event the simulated PBX emitted, as the control API streams it: the AMI event name, its
 * {@code Privilege} classes ({@code call,all}) and its headers in order (a repeated header's
 * values joined by a line feed).
 */
public record PbxEvent(String event, String privilege, Map<String, String> headers) {}
