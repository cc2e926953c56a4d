package io.ucmkit.ami;

import java.util.Optional;

/**
 * A channel's state as AMI carries it: {@code ChannelState} is the number and
 * {@code ChannelStateDesc} the text of Asterisk's {@code ast_state2str} (in {@code Newchannel},
 * {@code Newstate}, {@code Hangup}, {@code Status}, {@code CoreShowChannel} and most channel events).
 * Shared by the driver, which reads it, and the simulator, which writes it.
 */
public enum ChannelState {
    DOWN(0, "Down"),
    RESERVED(1, "Rsrvd"),
    OFF_HOOK(2, "OffHook"),
    DIALING(3, "Dialing"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up"),
    BUSY(7, "Busy"),
    DIALING_OFFHOOK(8, "Dialing Offhook"),
    PRE_RING(9, "Pre-ring"),
    /** {@code AST_STATE_MUTE}: a flag bit in Asterisk, reported as its own state. */
    MUTE(1 << 16, "Mute");

    private static final ChannelState[] BY_SMALL_CODE = {
        DOWN, RESERVED, OFF_HOOK, DIALING, RING, RINGING, UP, BUSY, DIALING_OFFHOOK, PRE_RING
    };

    private final int code;
    private final String text;

    ChannelState(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The number AMI sends in {@code ChannelState}. */
    public int code() {
        return code;
    }

    /** The text AMI sends in {@code ChannelStateDesc}. */
    public String text() {
        return text;
    }

    /** The state with this number, or empty for a number Asterisk does not define. */
    public static Optional<ChannelState> ofCode(int code) {
        if (code >= 0 && code < BY_SMALL_CODE.length) {
            return Optional.of(BY_SMALL_CODE[code]);
        }
        return code == MUTE.code ? Optional.of(MUTE) : Optional.empty();
    }

    /**
     * The state of a {@code ChannelState} header value, or empty when the value is missing, not a
     * number or not a state Asterisk defines.
     */
    public static Optional<ChannelState> ofHeader(String value) {
        if (value == null || value.isEmpty() || value.length() > 6) {
            return Optional.empty();
        }
        try {
            return ofCode(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
