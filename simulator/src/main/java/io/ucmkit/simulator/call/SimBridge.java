package io.ucmkit.simulator.call;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge ({@code BridgeType: basic}, {@code simple_bridge}, AMI.md §4.2). */
final class SimBridge {
    final String uniqueid;
    final List<SimChannel> channels = new ArrayList<>(2);

    SimBridge(String uniqueid) {
        this.uniqueid = uniqueid;
    }
}
