package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import java.util.List;

/**
 * PlayDTMF (docs/ami.md §3.10): Sent on the channel, or Received (and read by its app) with
 * {@code Receive}; the channel is looked up before the Digit and Duration are checked.
 */
final class PlayDtmfAction implements ImmediateAction {

    /** DurationMs of a key press (transcript 09: {@code DurationMs: 100}). */
    static final int DTMF_MS = 100;

    private final Calls calls;

    PlayDtmfAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public List<AmiMessage> answer(AmiMessage action) {
        String channel = action.get("Channel", "");
        if (!calls.hasChannel(channel)) {
            return error(action, "Channel not found");
        }
        String digit = action.getNonEmpty("Digit");
        if (digit == null) {
            return error(action, "No digit specified");
        }
        String durationText = action.getNonEmpty("Duration");
        int duration = DTMF_MS;
        if (durationText != null) {
            try {
                duration = Integer.parseUnsignedInt(durationText.trim());
            } catch (NumberFormatException e) {
                return error(action, "Could not convert Duration parameter");
            }
        }
        boolean receive = AmiValues.astTrue(action.get("Receive", ""));
        if (!calls.playDtmf(channel, digit.charAt(0), duration, receive)) {
            return error(action, "Channel not found"); // hung up since the lookup
        }
        return List.of(AmiResponses.success(action, "DTMF successfully queued").build());
    }

    private static List<AmiMessage> error(AmiMessage action, String message) {
        return List.of(AmiResponses.error(action, message));
    }
}
