package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the translator knows of the PBX's channels: the live ones with their state ({@link LiveChannels}), the legs
 * already reported Accepted (once per leg: the two halves of a Local channel are one leg, transcript 09) and the
 * calls (by Linkedid) that have been at an IVR number. All are keyed by names the PBX sends, so each table stops
 * growing at the {@link NameBound}. Not thread-safe: used under the translator's lock.
 */
final class ChannelTracker {

    private final DriverConfig config;
    private final NameBound bound;
    private final LiveChannels channels = new LiveChannels();
    private final Set<String> answeredLegs = new HashSet<>();
    private final Set<String> ivrCalls = new HashSet<>();

    ChannelTracker(DriverConfig config, NameBound bound) {
        this.config = config;
        this.bound = bound;
    }

    /** The state last reported for {@code channel}; null when it is not tracked or its state is not defined. */
    ChannelState stateOf(String channel) {
        LiveChannels.Leg leg = channels.get(channel);
        return leg == null ? null : leg.state();
    }

    /** An event that carries a ChannelState: the channel is live, in that state, in the call of its Linkedid. */
    void track(AmiMessage m, String channel, ChannelState state) {
        if (channels.get(channel) == null && bound.full(channels.size(), "live channels")) {
            return;
        }
        String linkedid = m.get("Linkedid");
        channels.put(channel, new LiveChannels.Leg(m.get("Uniqueid"), linkedid, state));
        if (linkedid != null) {
            noteIvr(m.get("Exten"), linkedid);
        }
    }

    /** The call {@code linkedid} is at {@code exten}: if that is an IVR number, its digits are IVR Responses. */
    void noteIvr(String exten, String linkedid) {
        if (linkedid != null
                && config.isIvr(exten)
                && !ivrCalls.contains(linkedid)
                && !bound.full(ivrCalls.size(), "IVR calls")) {
            ivrCalls.add(linkedid);
        }
    }

    boolean isIvrCall(String linkedid) {
        return linkedid != null && ivrCalls.contains(linkedid);
    }

    /**
     * Whether this is the first answer of the leg of {@code channel}, which is remembered (unless the table is at
     * its bound: then the answer is still reported, and a repeat may be too).
     */
    boolean firstAnswer(String channel) {
        String legKey = Channels.legKey(channel);
        if (answeredLegs.contains(legKey)) {
            return false;
        }
        if (!bound.full(answeredLegs.size(), "answered legs")) {
            answeredLegs.add(legKey);
        }
        return true;
    }

    /**
     * Forgets a channel that hung up, and its leg once both halves have. Returns the Linkedid of its call when this
     * was the call's last channel (the call ended), else null.
     */
    String hangup(String channel) {
        LiveChannels.Leg leg = channels.remove(channel);
        if (!channels.hasLeg(Channels.legKey(channel))) {
            answeredLegs.remove(Channels.legKey(channel));
        }
        String linkedid = leg == null ? null : leg.linkedid();
        if (linkedid != null && !channels.hasCall(linkedid)) {
            ivrCalls.remove(linkedid);
            return linkedid;
        }
        return null;
    }

    /** Whether any channel linked to {@code linkedid} is live. */
    boolean hasLinked(String linkedid) {
        return channels.hasCall(linkedid);
    }

    /** A channel of the call: linked to the originated leg, or that leg itself (should a list omit Linkedid). */
    boolean hasCall(String uniqueid) {
        if (channels.hasCall(uniqueid)) {
            return true;
        }
        for (var e : channels.entries()) {
            if (uniqueid.equals(e.getValue().uniqueid())) {
                return true;
            }
        }
        return false;
    }

    boolean hasChannelOf(String extension) {
        for (var e : channels.entries()) {
            if (extension.equals(Channels.extension(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a channel of {@code tech/extension} is Up. */
    boolean isUp(String tech, String extension) {
        for (var e : channels.entries()) {
            if (Channels.isUpAt(e.getKey(), e.getValue().state(), tech, extension)) {
                return true;
            }
        }
        return false;
    }

    /** The uniqueids of the live channels. */
    Set<String> liveUniqueids() {
        Set<String> live = new HashSet<>();
        channels.entries().forEach(e -> live.add(e.getValue().uniqueid()));
        return live;
    }

    /** After a reconnect: CoreShowChannels's list replaces the live channels; a leg no longer listed is forgotten. */
    void replace(List<AmiMessage> channelList) {
        Set<String> live = new HashSet<>();
        for (AmiMessage c : channelList) {
            String ch = c.get("Channel");
            if (ch != null) {
                live.add(ch);
                channels.put(
                        ch,
                        new LiveChannels.Leg(
                                c.get("Uniqueid"),
                                c.get("Linkedid"),
                                ChannelState.ofHeader(c.get("ChannelState")).orElse(null)));
            }
        }
        for (String gone : channels.entries().stream().map(Map.Entry::getKey).toList()) {
            if (!live.contains(gone)) {
                channels.remove(gone);
                answeredLegs.remove(Channels.legKey(gone));
            }
        }
    }
}
