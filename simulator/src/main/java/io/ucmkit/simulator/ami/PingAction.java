package io.ucmkit.simulator.ami;

import java.time.Instant;

/** Ping (docs/ami.md §2.3, transcript 04): no Message; {@code Ping: Pong} and an epoch timestamp with microseconds. */
final class PingAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        Instant now = ctx.server().clock().instant();
        String ts = now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
        ctx.reply(AmiResponses.success(ctx.request(), null)
                .add("Ping", "Pong")
                .add("Timestamp", ts)
                .build());
    }
}
