package io.ucmkit.simulator.call;

import static io.ucmkit.simulator.config.Privileges.CALL;
import static io.ucmkit.simulator.config.Privileges.DIALPLAN;
import static io.ucmkit.simulator.config.Privileges.DTMF;
import static io.ucmkit.simulator.config.Privileges.USER;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.event.ManagerEvent;

/**
 * Builders of the call events with the header sets and order of the transcripts: the channel
 * snapshot block of docs/ami.md §4.1 (transcripts 09, 17, 23), the bridge block of §4.2 (23), and
 * the bodies of §4.2. Values {@code null} print {@code <unknown>}; empty values keep the space.
 * Each event carries its class ({@code call}, {@code dialplan}, {@code dtmf}, {@code user}) as a value.
 */
final class CallEvents {

    private CallEvents() {}

    static String unknown(String value) {
        return ChannelSnapshot.orUnknown(value);
    }

    /** The channel's block of docs/ami.md §4.1; {@code prefix} is {@code ""}, {@code Dest}, {@code Spyer}, {@code Spyee}. */
    static AmiMessage.Builder snapshot(AmiMessage.Builder b, String prefix, SimChannel c) {
        return c.snapshot().writeTo(b, prefix);
    }

    static ManagerEvent channelEvent(String name, SimChannel c) {
        return ManagerEvent.of(name, CALL, b -> snapshot(b, "", c));
    }

    static ManagerEvent newCallerid(SimChannel c) {
        return ManagerEvent.of(
                "NewCallerid",
                CALL,
                b -> snapshot(b, "", c).add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
    }

    /** Newexten is {@code dialplan} class on 16+ and {@code call} on 13 (docs/ami.md §7.8 item 11). */
    static ManagerEvent newexten(SimChannel c, boolean asterisk13) {
        return ManagerEvent.of(
                "Newexten",
                asterisk13 ? CALL : DIALPLAN,
                b -> snapshot(b, "", c)
                        .add("Extension", c.exten())
                        .add("Application", c.application())
                        .add("AppData", c.appData()));
    }

    static ManagerEvent varSet(SimChannel c, String variable, String value) {
        return ManagerEvent.of(
                "VarSet",
                DIALPLAN,
                b -> snapshot(b, "", c).add("Variable", variable).add("Value", value));
    }

    /** HangupRequest / SoftHangupRequest; {@code cause} null for a BYE to a leg in an application (44). */
    static ManagerEvent hangupRequest(String name, SimChannel c, Integer cause) {
        return ManagerEvent.of(name, CALL, b -> {
            snapshot(b, "", c);
            if (cause != null) {
                b.add("Cause", Integer.toString(cause));
                if (c.techCause() != null && name.equals("HangupRequest")) {
                    b.add("TechCause", Integer.toString(c.techCause()));
                }
            }
        });
    }

    static ManagerEvent hangup(SimChannel c, int cause) {
        return ManagerEvent.of("Hangup", CALL, b -> {
            snapshot(b, "", c).add("Cause", Integer.toString(cause)).add("Cause-txt", HangupCause.textOf(cause));
            if (c.techCause() != null) {
                b.add("TechCause", Integer.toString(c.techCause()));
            }
        });
    }

    /** DialBegin/DialState/DialEnd: the caller block is absent for Originate legs (transcript 09). */
    static ManagerEvent dial(String name, SimChannel caller, SimChannel dest, String tail, String value) {
        return ManagerEvent.of(name, CALL, b -> {
            if (caller != null) {
                snapshot(b, "", caller);
            }
            snapshot(b, "Dest", dest).add(tail, value);
        });
    }

    private static AmiMessage.Builder bridge(AmiMessage.Builder b, SimBridge bridge) {
        return b.add("BridgeUniqueid", bridge.uniqueid)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", bridge.technology)
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", Integer.toString(bridge.channels.size()))
                .add("BridgeVideoSourceMode", "none");
    }

    static ManagerEvent bridgeEvent(String name, SimBridge bridge) {
        return ManagerEvent.of(name, CALL, b -> bridge(b, bridge));
    }

    static ManagerEvent bridgeMember(String name, SimBridge bridge, SimChannel c) {
        return ManagerEvent.of(name, CALL, b -> snapshot(bridge(b, bridge), "", c));
    }

    static ManagerEvent dtmfBegin(SimChannel c, char digit, String direction) {
        return ManagerEvent.of(
                "DTMFBegin",
                DTMF,
                b -> snapshot(b, "", c).add("Digit", String.valueOf(digit)).add("Direction", direction));
    }

    static ManagerEvent dtmfEnd(SimChannel c, char digit, int durationMs, String direction) {
        return ManagerEvent.of(
                "DTMFEnd",
                DTMF,
                b -> snapshot(b, "", c)
                        .add("Digit", String.valueOf(digit))
                        .add("DurationMs", Integer.toString(durationMs))
                        .add("Direction", direction));
    }

    /** ChanSpyStart/Stop: Spyer block then Spyee block (transcript 17). */
    static ManagerEvent chanSpy(String name, SimChannel spyer, SimChannel spyee) {
        return ManagerEvent.of(name, CALL, b -> {
            snapshot(b, "Spyer", spyer);
            if (spyee != null) {
                snapshot(b, "Spyee", spyee);
            }
        });
    }

    static ManagerEvent userEvent(SimChannel c, String userEvent, String... headers) {
        return ManagerEvent.of("UserEvent", USER, b -> {
            snapshot(b, "", c).add("UserEvent", userEvent);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.add(headers[i], headers[i + 1]);
            }
        });
    }
}
