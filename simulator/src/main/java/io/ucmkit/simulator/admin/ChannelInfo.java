package io.ucmkit.simulator.admin;

/**
 * One live channel as the control API shows it: its name and extension, Asterisk's state text
 * ({@code Ring}, {@code Ringing}, {@code Up}), caller and connected line, the bridge and its peer,
 * a spy's mode and target, and its age in whole seconds.
 */
public record ChannelInfo(
        String channel,
        String extension,
        String uniqueid,
        String linkedid,
        String state,
        String callerIdNum,
        String callerIdName,
        String connectedLineNum,
        String connectedLineName,
        String application,
        String bridgeId,
        String bridgedWith,
        String spyMode,
        String spying,
        long seconds) {}
