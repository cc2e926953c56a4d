package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.config.ExtensionConfig;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PhoneModels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One watching key: the phone it is on, its position and type, whom it monitors, and its LED now. */
public record WatcherKey(
        String phone, String model, int key, String type, String monitors, String presence, String led) {

    /** Every presence key of every phone in {@code config}, in config order, lit by {@code presence}. */
    static List<WatcherKey> all(PbxConfig config, Function<String, Presence> presence) {
        List<WatcherKey> out = new ArrayList<>();
        for (ExtensionConfig e : config.extensions()) {
            for (int i = 0; i < e.keys().size(); i++) {
                var k = e.keys().get(i);
                String status = presence.apply(k.monitors()).ucmStatus();
                out.add(new WatcherKey(
                        e.number(),
                        e.model(),
                        i + 1,
                        k.type(),
                        k.monitors(),
                        status,
                        PhoneModels.led(k.type(), status)));
            }
        }
        return out;
    }
}
