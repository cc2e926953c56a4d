package io.ucmkit.simulator.pbx;

import io.ucmkit.simulator.admin.WatcherKeyInfo;
import io.ucmkit.simulator.config.ExtensionConfig;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PhoneModels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The phones' watching keys (docs/simulator.md §5, watchers): whom each monitors and the LED it shows. */
final class WatcherKeys {

    private WatcherKeys() {}

    /** Every presence key of every phone in {@code config}, in config order, lit by {@code presence}. */
    static List<WatcherKeyInfo> all(PbxConfig config, Function<String, Presence> presence) {
        List<WatcherKeyInfo> out = new ArrayList<>();
        for (ExtensionConfig e : config.extensions()) {
            for (int i = 0; i < e.keys().size(); i++) {
                var k = e.keys().get(i);
                String status = presence.apply(k.monitors()).ucmStatus();
                out.add(new WatcherKeyInfo(
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
