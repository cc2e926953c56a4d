package io.ucmkit.simulator.call;

/** {@code ast_state2str} codes and texts (AMI.md §4.1). */
enum ChannelState {
    DOWN(0, "Down"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up"),
    BUSY(7, "Busy");

    final int code;
    final String text;

    ChannelState(int code, String text) {
        this.code = code;
        this.text = text;
    }
}
