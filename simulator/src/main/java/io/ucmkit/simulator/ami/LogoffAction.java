package io.ucmkit.simulator.ami;

/** Logoff (AMI.md §2.3, transcript 08): {@code Response: Goodbye}, then the server closes. */
final class LogoffAction implements ActionHandler {

    @Override
    public String action() {
        return "Logoff";
    }

    @Override
    public String synopsis() {
        return "Logoff Manager.";
    }

    @Override
    public int privilege() {
        return 0;
    }

    @Override
    public boolean allowedUnauthenticated() {
        return true;
    }

    @Override
    public void handle(ActionContext ctx) {
        ctx.replyAndClose(AmiResponses.start(ctx.request(), "Goodbye")
                .add("Message", "Thanks for all the fish.")
                .build());
    }
}
