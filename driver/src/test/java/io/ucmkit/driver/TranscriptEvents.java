package io.ucmkit.driver;

import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.testing.AmiWire;
import io.ucmkit.ami.testing.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The events a client reads in a recorded transcript, decoded by the same codec the driver uses. */
final class TranscriptEvents {

    /** An Originate the recording client sent: its ActionID, dial string and Exten (null with an Application). */
    record Originate(String actionId, String channel, String exten) {}

    private TranscriptEvents() {}

    static List<AmiMessage> of(String name) {
        return messages(name).stream().filter(AmiMessage::isEvent).toList();
    }

    /** The responses and events a client reads, in wire order. */
    static List<AmiMessage> messages(String name) {
        return AmiWire.decode(AmiDecoderConfig.client(), Transcript.load(name).serverToClient()).stream()
                .filter(f -> f instanceof AmiMessage)
                .map(f -> (AmiMessage) f)
                .toList();
    }

    /**
     * The events that followed the response to {@code actionId} up to the next response (the events of that
     * action's call, in a recording that sends one action at a time).
     */
    static List<AmiMessage> eventsAfterResponse(String name, String actionId) {
        List<AmiMessage> out = new ArrayList<>();
        boolean after = false;
        for (AmiMessage m : messages(name)) {
            if (m.isResponse()) {
                if (after) {
                    break;
                }
                after = actionId.equals(m.actionId());
            } else if (after) {
                out.add(m);
            }
        }
        return out;
    }

    /** The Originate actions in the client-to-server stream, in the order they were sent. */
    static List<Originate> originates(String name) {
        String requests = new String(Transcript.load(name).clientToServer(), StandardCharsets.UTF_8);
        List<Originate> out = new ArrayList<>();
        for (String block : requests.split("\r\n\r\n")) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).toLowerCase(), line.substring(colon + 2));
                }
            }
            if ("Originate".equalsIgnoreCase(headers.get("action"))) {
                out.add(new Originate(headers.get("actionid"), headers.get("channel"), headers.get("exten")));
            }
        }
        return out;
    }
}
