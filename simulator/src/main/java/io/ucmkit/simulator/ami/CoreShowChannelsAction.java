package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.call.ChannelStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CoreShowChannels (docs/ami.md §3.5, transcript 19): one CoreShowChannel per channel, ActionID right after Event. */
final class CoreShowChannelsAction implements ImmediateAction {

    private final Calls calls;

    CoreShowChannelsAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public List<AmiMessage> answer(AmiMessage action) {
        List<ChannelStatus> all = calls.status(null).orElseThrow();
        List<AmiMessage> out = new ArrayList<>();
        out.add(AmiResponses.listStart(action, "Channels will follow"));
        for (ChannelStatus c : all) {
            out.add(c.channel()
                    .writeTo(AmiResponses.listItem(action, "CoreShowChannel"), "")
                    .add("Application", c.application())
                    .add("ApplicationData", c.appData())
                    .add("Duration", hms(c.seconds()))
                    .add("BridgeId", c.bridgeId())
                    .build());
        }
        out.add(AmiResponses.listComplete(action, "CoreShowChannelsComplete", all.size()));
        return out;
    }

    private static String hms(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
