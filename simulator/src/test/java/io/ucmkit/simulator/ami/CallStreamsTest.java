package io.ucmkit.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparison PjsipCallReplayIT relies on is not vacuous: a recording matches itself, survives
 * a swap of two events of different topics, and fails on a changed header, a dropped event and a
 * swap within one channel.
 */
class CallStreamsTest {

    private final List<String> recorded = CallStreams.messages(Wire.serverBytes("40_pjsip_call_phone_answered"));

    @Test
    void a_recording_matches_itself_and_a_swap_across_topics() {
        assertThat(CallStreams.difference(recorded, recorded)).isNull();
        List<String> swapped = new ArrayList<>(recorded);
        int device = indexOf(swapped, "Event: DeviceStateChange", 0);
        int hint = indexOf(swapped, "Event: ExtensionStatus", 0);
        swapped.set(device, recorded.get(hint));
        swapped.set(hint, recorded.get(device));
        assertThat(CallStreams.difference(recorded, swapped)).isNull();
    }

    @Test
    void a_changed_header_a_missing_event_and_a_swap_within_a_channel_are_differences() {
        List<String> changed = new ArrayList<>(recorded);
        int hangup = indexOf(changed, "Event: Hangup\r", 0);
        changed.set(hangup, changed.get(hangup).replace("Cause-txt: Normal Clearing", "Cause-txt: Normal clearing"));
        assertThat(CallStreams.difference(recorded, changed))
                .contains("produced, not recorded")
                .contains("Normal clearing");

        List<String> missing = new ArrayList<>(recorded);
        missing.remove(indexOf(missing, "Event: NewConnectedLine", 0));
        assertThat(CallStreams.difference(recorded, missing)).contains("recorded, not produced");

        List<String> reordered = new ArrayList<>(recorded);
        int first = indexOf(reordered, "Event: Newchannel", 0);
        int next = indexOf(reordered, "Event: Newexten", first);
        reordered.set(first, recorded.get(next));
        reordered.set(next, recorded.get(first));
        assertThat(CallStreams.difference(recorded, reordered))
                .contains("order differs in topic channel:PJSIP/1000-<1>");
    }

    @Test
    void volatile_values_are_masked_by_order_of_appearance() {
        String joined = String.join("", recorded);
        assertThat(joined)
                .contains(
                        "Channel: PJSIP/1000-<1>",
                        "Channel: PJSIP/1001-<2>",
                        "Uniqueid: <u1>",
                        "Linkedid: <u1>",
                        "BridgeUniqueid: <id1>",
                        "Variable: RTPAUDIOQOS\r\nValue: <rtp>",
                        "Variable: RINGTIME_MS\r\nValue: <t>");
        assertThat(joined).doesNotContain("1796173252.0", "00000001");
    }

    private static int indexOf(List<String> messages, String start, int from) {
        for (int i = from; i < messages.size(); i++) {
            if (messages.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no " + start);
    }
}
