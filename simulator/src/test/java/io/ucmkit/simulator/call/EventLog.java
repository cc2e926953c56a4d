package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.util.ArrayList;
import java.util.List;

/** Records events and prints each as one line for sequence assertions. */
final class EventLog implements EventSink {

    final List<AmiMessage> events = new ArrayList<>();

    @Override
    public synchronized void publish(AmiMessage event) {
        events.add(event);
    }

    synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (AmiMessage e : events) {
            out.add(line(e));
        }
        return out;
    }

    synchronized void clear() {
        events.clear();
    }

    /** {@code Event channel-or-dest state extra}: enough to tell every step of a sequence apart. */
    static String line(AmiMessage e) {
        StringBuilder b = new StringBuilder(e.eventName());
        for (String h : List.of("Channel", "SpyerChannel", "DestChannel", "ChannelStateDesc", "DestChannelStateDesc",
                "Application", "DialStatus", "Cause", "Response", "Reason", "Digit", "Direction",
                "BridgeNumChannels", "SpyeeChannel")) {
            String v = e.get(h);
            if (v != null) {
                b.append(' ').append(v);
            }
        }
        return b.toString();
    }
}
