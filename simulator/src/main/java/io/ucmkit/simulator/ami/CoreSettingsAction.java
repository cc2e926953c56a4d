package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;

/** CoreSettings (docs/ami.md §3.9, transcript 24); {@code SoundsSearchCustomDir} exists in 20.20.1, not in 13. */
final class CoreSettingsAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        AmiServerSettings s = ctx.server().settings();
        AmiMessage.Builder b = AmiResponses.success(ctx.request(), null)
                .add("AMIversion", s.amiVersion())
                .add("AsteriskVersion", s.asteriskRelease())
                .add("SystemName", "")
                .add("CoreMaxCalls", "0")
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", "0")
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No")
                .add("CoreHTTPenabled", "No");
        if (s.asteriskVersion() >= 20) {
            b.add("SoundsSearchCustomDir", "No");
        }
        ctx.reply(b.build());
    }
}
