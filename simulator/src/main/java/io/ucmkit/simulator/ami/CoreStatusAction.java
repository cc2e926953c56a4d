package io.ucmkit.simulator.ami;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** CoreStatus (docs/ami.md §3.9): start-up and reload date/time (UTC), current and processed calls. */
final class CoreStatusAction implements ActionHandler {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public void handle(ActionContext ctx) {
        var start = ctx.server().startedAt();
        ctx.reply(AmiResponses.success(ctx.request(), null)
                .add("CoreStartupDate", DATE.format(start))
                .add("CoreStartupTime", TIME.format(start))
                .add("CoreReloadDate", DATE.format(start))
                .add("CoreReloadTime", TIME.format(start))
                .add("CoreCurrentCalls", "0")
                .add("CoreProcessedCalls", "0")
                .build());
    }
}
