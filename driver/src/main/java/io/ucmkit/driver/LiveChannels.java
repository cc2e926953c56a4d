package io.ucmkit.driver;

import io.ucmkit.ami.ChannelState;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The channels the PBX reported and has not hung up yet, each with its uniqueid, linkedid and
 * state. Counts per leg ({@link Channels#legKey}) and per call (linkedid) are kept as channels come
 * and go, so a Hangup learns in constant time whether its leg or its whole call has ended — a
 * busy PBX has thousands of channels and a Hangup for each.
 */
final class LiveChannels {

    /** {@code state} is null when the PBX sent a ChannelState that Asterisk does not define. */
    record Leg(String uniqueid, String linkedid, ChannelState state) {}

    private final Map<String, Leg> byName = new HashMap<>();
    private final Map<String, Integer> perLeg = new HashMap<>();
    private final Map<String, Integer> perCall = new HashMap<>();

    int size() {
        return byName.size();
    }

    Leg get(String channel) {
        return byName.get(channel);
    }

    void put(String channel, Leg leg) {
        Leg old = byName.put(channel, leg);
        if (old == null) {
            count(perLeg, Channels.legKey(channel), 1);
        } else {
            count(perCall, old.linkedid(), -1);
        }
        count(perCall, leg.linkedid(), 1);
    }

    /** Forgets a channel; returns what was known of it, or null. */
    Leg remove(String channel) {
        Leg old = byName.remove(channel);
        if (old != null) {
            count(perLeg, Channels.legKey(channel), -1);
            count(perCall, old.linkedid(), -1);
        }
        return old;
    }

    /** Whether any channel of this leg (either half of a Local channel) is still up. */
    boolean hasLeg(String legKey) {
        return perLeg.containsKey(legKey);
    }

    /** Whether any channel of this call is still up. */
    boolean hasCall(String linkedid) {
        return perCall.containsKey(linkedid);
    }

    Set<Map.Entry<String, Leg>> entries() {
        return byName.entrySet();
    }

    private static void count(Map<String, Integer> counts, String key, int delta) {
        if (key != null) {
            counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }
}
