package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.event.EventSubscriber;
import java.util.ArrayList;
import java.util.List;

/** Records the events of its bus and prints each as one line for sequence assertions. */
final class EventLog implements EventSubscriber {

    final List<AmiMessage> events = new ArrayList<>();
    private final EventBus bus = new EventBus();

    EventLog() {
        bus.subscribe(this);
    }

    /** The bus to hand the engine: every event published on it is recorded here. */
    EventBus bus() {
        return bus;
    }

    @Override
    public synchronized void onEvent(AmiMessage event, int privilege) {
        events.add(event);
    }

    synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (AmiMessage e : events) {
            out.add(line(e));
        }
        return out;
    }

    /** The lines without app_dial's and the bridge's VarSets (class dialplan) and RTCP reports. */
    synchronized List<String> callLines() {
        List<String> out = new ArrayList<>();
        for (AmiMessage e : events) {
            if (!e.eventName().equals("VarSet") && !e.eventName().startsWith("RTCP")) {
                out.add(line(e));
            }
        }
        return out;
    }

    /** The VarSets of one channel as {@code NAME=value}, in order. */
    synchronized List<String> variables(String channel) {
        List<String> out = new ArrayList<>();
        for (AmiMessage e : events) {
            if (e.eventName().equals("VarSet") && channel.equals(e.get("Channel"))) {
                out.add(e.get("Variable") + "=" + e.get("Value"));
            }
        }
        return out;
    }

    synchronized void clear() {
        events.clear();
    }

    /** {@code Event channel-or-dest state extra}: enough to tell every step of a sequence apart. */
    static String line(AmiMessage e) {
        StringBuilder b = new StringBuilder(e.eventName());
        switch (e.eventName()) {
            case "DeviceStateChange" -> {
                return b.append(' ')
                        .append(e.get("Device"))
                        .append(' ')
                        .append(e.get("State"))
                        .toString();
            }
            case "ExtensionStatus" -> {
                return b.append(' ')
                        .append(e.get("Exten"))
                        .append(' ')
                        .append(e.get("StatusText"))
                        .toString();
            }
            case "PresenceStateChange", "PresenceStatus" -> {
                return b.append(' ')
                        .append(e.get("Hint") == null ? e.get("Presentity") : e.get("Exten"))
                        .append(' ')
                        .append(e.get("Status"))
                        .append(' ')
                        .append(e.get("Subtype"))
                        .toString();
            }
            case "ChannelHungup" -> {
                return b.append(' ').append(e.get("Channel")).toString();
            }
            default -> {}
        }
        for (String h : List.of(
                "Channel",
                "SpyerChannel",
                "DestChannel",
                "ChannelStateDesc",
                "DestChannelStateDesc",
                "Application",
                "DialStatus",
                "Cause",
                "Response",
                "Reason",
                "Digit",
                "Direction",
                "BridgeNumChannels",
                "SpyeeChannel",
                "Variable")) {
            String v = e.get(h);
            if (v != null) {
                b.append(' ').append(v);
            }
        }
        return b.toString();
    }
}
