package io.ucmkit.simulator.ami;

/** Logoff (docs/ami.md §2.3, transcript 08): {@code Response: Goodbye}, then the server closes. */
final class LogoffAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        ctx.replyAndClose(AmiResponses.start(ctx.request(), "Goodbye")
                .add("Message", "Thanks for all the fish.")
                .build());
    }
}
