package io.ucmkit.simulator.call;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic two-party bridge ({@code BridgeType: basic}). It is created and entered as
 * {@code simple_bridge} and, once both PJSIP legs are in, Asterisk moves the media to
 * {@code native_rtp} without an event: BridgeLeave and BridgeDestroy say {@code native_rtp}
 * (transcripts 40, 45).
 */
final class SimBridge {
    final String uniqueid;
    final List<SimChannel> channels = new ArrayList<>(2);
    String technology = "simple_bridge";
    /** The legs in the order their peer variables are set: the caller, then the callee (40). */
    List<SimChannel> announceOrder = List.of();

    SimBridge(String uniqueid) {
        this.uniqueid = uniqueid;
    }
}
