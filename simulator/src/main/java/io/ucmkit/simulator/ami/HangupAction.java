package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Hangup (docs/ami.md §3.3): by name, or {@code /regex/} answered as a list of ChannelHungup items,
 * newest channel first, ActionID last (transcript 26). No HangupRequest is published (surprise 26).
 */
final class HangupAction implements ImmediateAction {

    private final Calls calls;

    HangupAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public List<AmiMessage> answer(AmiMessage action) {
        String name = action.getNonEmpty("Channel");
        if (name == null) {
            return List.of(AmiResponses.error(action, "No channel specified"));
        }
        int cause = parseCause(action.get("Cause"));
        if (name.length() > 1 && name.startsWith("/") && name.endsWith("/")) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(name.substring(1, name.length() - 1));
            } catch (PatternSyntaxException e) {
                return List.of(AmiResponses.error(action, "Regex compile failed on: " + name));
            }
            List<String> hungUp = calls.hangupChannels(pattern, cause);
            List<AmiMessage> out = new ArrayList<>();
            out.add(AmiResponses.listStart(action, "Channels hung up will follow"));
            for (String channel : hungUp) {
                // ActionID after Channel here (transcript 26), unlike the other list items.
                out.add(AmiMessage.builder()
                        .add("Event", "ChannelHungup")
                        .add("Channel", channel)
                        .addActionId(action.actionId())
                        .build());
            }
            out.add(AmiResponses.listComplete(action, "ChannelsHungupListComplete", hungUp.size()));
            return out;
        }
        if (!calls.hangupChannel(name, cause)) {
            return List.of(AmiResponses.error(action, "No such channel"));
        }
        return List.of(AmiResponses.success(action, "Channel Hungup").build());
    }

    /** {@code Cause} 0–127; anything else is logged by Asterisk and treated as 0. */
    private static int parseCause(String cause) {
        if (cause == null || cause.isBlank()) {
            return 0;
        }
        try {
            int c = Integer.parseInt(cause.trim());
            return c < 0 || c > 127 ? 0 : c;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
