package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;

/**
 * Builders of the call events with the header sets and order of the transcripts: the channel
 * snapshot block of AMI.md §4.1 (transcripts 09, 17, 23), the bridge block of §4.2 (23), and
 * the bodies of §4.2. Values {@code null} print {@code <unknown>}; empty values keep the space.
 */
final class CallEvents {

    static final String CALL = "call";
    static final String DIALPLAN = "dialplan";
    static final String DTMF = "dtmf";

    private CallEvents() {}

    static AmiMessage.Builder event(String name, String privilegeClass) {
        return AmiMessage.builder().add("Event", name).add("Privilege", privilegeClass + ",all");
    }

    static String unknown(String value) {
        return ChannelSnapshot.orUnknown(value);
    }

    /** The channel's block of AMI.md §4.1; {@code prefix} is {@code ""}, {@code Dest}, {@code Spyer}, {@code Spyee}. */
    static AmiMessage.Builder snapshot(AmiMessage.Builder b, String prefix, SimChannel c) {
        return c.snapshot().writeTo(b, prefix);
    }

    static AmiMessage channelEvent(String name, SimChannel c) {
        return snapshot(event(name, CALL), "", c).build();
    }

    static AmiMessage newCallerid(SimChannel c) {
        return snapshot(event("NewCallerid", CALL), "", c)
                .add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)")
                .build();
    }

    /** Newexten is {@code dialplan} class on 16+ and {@code call} on 13 (AMI.md §7.8 item 11). */
    static AmiMessage newexten(SimChannel c, boolean asterisk13) {
        return snapshot(event("Newexten", asterisk13 ? CALL : DIALPLAN), "", c)
                .add("Extension", c.exten)
                .add("Application", c.application)
                .add("AppData", c.appData)
                .build();
    }

    static AmiMessage varSet(SimChannel c, String variable, String value) {
        return snapshot(event("VarSet", DIALPLAN), "", c)
                .add("Variable", variable)
                .add("Value", value)
                .build();
    }

    /** HangupRequest / SoftHangupRequest; {@code cause} null for a BYE to a leg in an application (44). */
    static AmiMessage hangupRequest(String name, SimChannel c, Integer cause) {
        AmiMessage.Builder b = snapshot(event(name, CALL), "", c);
        if (cause != null) {
            b.add("Cause", Integer.toString(cause));
            if (c.techCause != null && name.equals("HangupRequest")) {
                b.add("TechCause", Integer.toString(c.techCause));
            }
        }
        return b.build();
    }

    static AmiMessage hangup(SimChannel c, int cause) {
        AmiMessage.Builder b = snapshot(event("Hangup", CALL), "", c)
                .add("Cause", Integer.toString(cause))
                .add("Cause-txt", HangupCause.textOf(cause));
        if (c.techCause != null) {
            b.add("TechCause", Integer.toString(c.techCause));
        }
        return b.build();
    }

    /** DialBegin/DialState/DialEnd: the caller block is absent for Originate legs (transcript 09). */
    static AmiMessage dial(String name, SimChannel caller, SimChannel dest, String tail, String value) {
        AmiMessage.Builder b = event(name, CALL);
        if (caller != null) {
            snapshot(b, "", caller);
        }
        return snapshot(b, "Dest", dest).add(tail, value).build();
    }

    static AmiMessage.Builder bridge(AmiMessage.Builder b, SimBridge bridge) {
        return b.add("BridgeUniqueid", bridge.uniqueid)
                .add("BridgeType", "basic")
                .add("BridgeTechnology", bridge.technology)
                .add("BridgeCreator", "<unknown>")
                .add("BridgeName", "<unknown>")
                .add("BridgeNumChannels", Integer.toString(bridge.channels.size()))
                .add("BridgeVideoSourceMode", "none");
    }

    static AmiMessage bridgeEvent(String name, SimBridge bridge) {
        return bridge(event(name, CALL), bridge).build();
    }

    static AmiMessage bridgeMember(String name, SimBridge bridge, SimChannel c) {
        return snapshot(bridge(event(name, CALL), bridge), "", c).build();
    }

    static AmiMessage dtmfBegin(SimChannel c, char digit, String direction) {
        return snapshot(event("DTMFBegin", DTMF), "", c)
                .add("Digit", String.valueOf(digit))
                .add("Direction", direction)
                .build();
    }

    static AmiMessage dtmfEnd(SimChannel c, char digit, int durationMs, String direction) {
        return snapshot(event("DTMFEnd", DTMF), "", c)
                .add("Digit", String.valueOf(digit))
                .add("DurationMs", Integer.toString(durationMs))
                .add("Direction", direction)
                .build();
    }

    /** ChanSpyStart/Stop: Spyer block then Spyee block (transcript 17). */
    static AmiMessage chanSpy(String name, SimChannel spyer, SimChannel spyee) {
        AmiMessage.Builder b = snapshot(event(name, CALL), "Spyer", spyer);
        if (spyee != null) {
            snapshot(b, "Spyee", spyee);
        }
        return b.build();
    }

    static AmiMessage userEvent(SimChannel c, String userEvent, String... headers) {
        AmiMessage.Builder b = snapshot(event("UserEvent", "user"), "", c).add("UserEvent", userEvent);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.add(headers[i], headers[i + 1]);
        }
        return b.build();
    }
}
