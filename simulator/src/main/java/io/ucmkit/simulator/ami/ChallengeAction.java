package io.ucmkit.simulator.ami;

import java.util.concurrent.ThreadLocalRandom;

/** Challenge (docs/ami.md §2.2): AuthType MD5 only; the challenge (≤ 9 digits) is reused once created. */
final class ChallengeAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        if (!"md5".equalsIgnoreCase(ctx.request().get("AuthType", ""))) {
            ctx.error("Must specify AuthType");
            return;
        }
        AmiSession s = ctx.session();
        if (s.challenge() == null) {
            s.challenge(Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000)));
        }
        ctx.reply(AmiResponses.success(ctx.request(), null)
                .add("Challenge", s.challenge())
                .build());
    }
}
