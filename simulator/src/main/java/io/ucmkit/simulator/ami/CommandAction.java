package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.config.Privileges;

/**
 * Command (AMI.md §1.6): Asterisk ≥ 14 answers {@code Message: Command output follows} with one
 * {@code Output:} per line (Error when the CLI failed); Asterisk 13 answers {@code Response: Follows},
 * {@code Privilege: Command}, the raw text and {@code --END COMMAND--}.
 */
final class CommandAction implements ActionHandler {

    /** The lines of {@code core show channels}: none without a call model, else the live channels. */
    private final java.util.function.Supplier<java.util.List<String>> channelLines;

    CommandAction() {
        this(Cli::noChannels);
    }

    CommandAction(java.util.function.Supplier<java.util.List<String>> channelLines) {
        this.channelLines = channelLines;
    }

    @Override
    public String action() {
        return "Command";
    }

    @Override
    public String synopsis() {
        return "Execute Asterisk CLI Command.";
    }

    @Override
    public int privilege() {
        return Privileges.COMMAND;
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
        CliOutput out = Cli.run(command, ctx.pbx(), ctx.server().settings(), channelLines);
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
