package io.ucmkit.simulator.pbx;

import static io.ucmkit.simulator.config.Privileges.CALL;
import static io.ucmkit.simulator.config.Privileges.DIALPLAN;
import static io.ucmkit.simulator.config.Privileges.SYSTEM;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.event.ManagerEvent;

/**
 * The PBX model's events with the header sets and order of the transcripts: device and hint states
 * (16), presence (13, 14), registrations (47) and global variables (24), each with its class.
 */
final class PbxEvents {

    private PbxEvents() {}

    static ManagerEvent deviceStateChange(String device, String state) {
        return ManagerEvent.of(
                "DeviceStateChange", CALL, b -> b.add("Device", device).add("State", state));
    }

    static ManagerEvent extensionStatus(String exten, String context, String hint, int status) {
        return ManagerEvent.of(
                "ExtensionStatus",
                CALL,
                b -> hint(b, exten, context, hint)
                        .add("Status", Integer.toString(status))
                        .add("StatusText", ExtensionStates.text(status)));
    }

    static ManagerEvent contactStatus(SipContact c, String status, long roundtripUsec) {
        return ManagerEvent.of(
                "ContactStatus",
                SYSTEM,
                b -> b.add("URI", c.uri())
                        .add("ContactStatus", status)
                        .add("AOR", c.aor())
                        .add("EndpointName", c.aor())
                        .add("RoundtripUsec", Long.toString(roundtripUsec)));
    }

    static ManagerEvent peerStatus(String tech, String device, String status) {
        return ManagerEvent.of(
                "PeerStatus",
                SYSTEM,
                b -> b.add("ChannelType", tech).add("Peer", device).add("PeerStatus", status));
    }

    static ManagerEvent presenceStateChange(String name, Presence value) {
        return ManagerEvent.of(
                "PresenceStateChange", CALL, b -> presence(b.add("Presentity", "CustomPresence:" + name), value));
    }

    static ManagerEvent presenceStatus(String exten, String context, String hint, Presence value) {
        return ManagerEvent.of("PresenceStatus", CALL, b -> presence(hint(b, exten, context, hint), value));
    }

    /** A global variable's VarSet: {@code Channel: none} (transcripts README #24). */
    static ManagerEvent globalVarSet(String name, String value) {
        return ManagerEvent.of(
                "VarSet",
                DIALPLAN,
                b -> b.add("Channel", "none")
                        .add("Uniqueid", "none")
                        .add("Variable", name)
                        .add("Value", value));
    }

    /** The hint an event is about: its extension, context and hint text. */
    private static AmiMessage.Builder hint(AmiMessage.Builder b, String exten, String context, String hint) {
        return b.add("Exten", exten).add("Context", context).add("Hint", hint);
    }

    private static AmiMessage.Builder presence(AmiMessage.Builder b, Presence value) {
        return b.add("Status", value.state()).add("Subtype", value.subtype()).add("Message", value.message());
    }
}
