package io.ucmkit.driver;

import io.ucmkit.ami.AmiDecoderConfig;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.testing.AmiWire;
import io.ucmkit.ami.testing.Transcript;
import java.util.List;

/** The events a client reads in a recorded transcript, decoded by the same codec the driver uses. */
final class TranscriptEvents {

    private TranscriptEvents() {
    }

    static List<AmiMessage> of(String name) {
        return AmiWire.decode(AmiDecoderConfig.client(), Transcript.load(name).serverToClient()).stream()
                .filter(f -> f instanceof AmiMessage m && m.isEvent())
                .map(f -> (AmiMessage) f)
                .toList();
    }
}
