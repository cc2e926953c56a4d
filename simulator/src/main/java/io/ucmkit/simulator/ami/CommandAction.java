package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;

/**
 * Command (docs/ami.md §1.6): Asterisk ≥ 14 answers {@code Message: Command output follows} with one
 * {@code Output:} per line (Error when the CLI failed); Asterisk 13 answers {@code Response: Follows},
 * {@code Privilege: Command}, the raw text and {@code --END COMMAND--}.
 */
final class CommandAction implements ActionHandler {

    /** The live channels, for {@code core show channels}. */
    private final Calls calls;

    CommandAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public void handle(ActionContext ctx) {
        String command = ctx.request().get("Command", "");
        if (command.isEmpty()) {
            ctx.error("No command provided");
            return;
        }
        String first = String.join(" ", Cli.split(command)).toLowerCase(java.util.Locale.ROOT);
        if (first.startsWith("module load")
                || first.startsWith("module unload")
                || first.startsWith("restart gracefully")) {
            ctx.error("Command blacklisted");
            return;
        }
        CliOutput out = Cli.run(command, ctx.pbx(), ctx.server().settings(), calls);
        if (ctx.server().settings().asteriskVersion() < 14) {
            ctx.reply(AmiMessage.builder()
                    .add("Response", "Follows")
                    .add("Privilege", "Command")
                    .addActionId(ctx.request().get("ActionID"))
                    .followsBody(out.text())
                    .build());
            return;
        }
        AmiMessage.Builder b = AmiResponses.start(ctx.request(), out.failed() ? "Error" : "Success")
                .add("Message", "Command output follows");
        String text =
                out.text().endsWith("\n") ? out.text().substring(0, out.text().length() - 1) : out.text();
        for (String line : text.split("\n", -1)) {
            b.add("Output", line);
        }
        ctx.reply(b.build());
    }
}
