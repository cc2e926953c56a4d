package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.call.ChannelSnapshot;
import io.ucmkit.simulator.call.ChannelStatus;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.Presence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The few Asterisk CLI commands a UCM client sends through the Command action (transcripts 13
 * and 18): {@code core show version}, {@code core show channels}, {@code presencestate change};
 * anything else is the CLI's "No such command" error.
 */
final class Cli {

    private static final String PRESENCE_USAGE = String.join(
                    "\n",
                    "Usage: presencestate change <entity> <state>[,<subtype>[,message[,options]]]",
                    "       Change a custom presence to a new state.",
                    "       The possible values for the state are:",
                    "NOT_SET | UNAVAILABLE | AVAILABLE | AWAY | XA | CHAT | DND",
                    "Optionally, a custom subtype and message may be provided, along with any options",
                    "accepted by func_presencestate. If the subtype or message provided contain spaces,",
                    "be sure to enclose the data in quotation marks (\"\")",
                    "",
                    "Examples:",
                    "       presencestate change CustomPresence:mystate1 AWAY",
                    "       presencestate change CustomPresence:mystate1 AVAILABLE",
                    "       presencestate change CustomPresence:mystate1 \"Away,upstairs,eating lunch\"",
                    "       ")
            + "\n";

    private Cli() {}

    static CliOutput run(String command, Pbx pbx, AmiServerSettings settings, Calls calls) {
        List<String> args = split(command);
        String joined = String.join(" ", args).toLowerCase(java.util.Locale.ROOT);
        if (joined.equals("core show version")) {
            // The build line of the 20.20.1 used for the transcripts (transcript 18).
            return new CliOutput(
                    "Asterisk " + settings.asteriskRelease()
                            + " built by root @ vm on a x86_64 running Linux on 2026-11-22 11:06:16 UTC\n",
                    false);
        }
        if (joined.equals("core show channels")) {
            return new CliOutput(
                    String.join("\n", coreShowChannels(calls.status(null).orElseThrow(), calls.callsProcessed()))
                            + "\n",
                    false);
        }
        if (args.size() >= 2
                && args.get(0).equalsIgnoreCase("presencestate")
                && args.get(1).equalsIgnoreCase("change")) {
            return presenceChange(args, pbx);
        }
        List<String> best = args.subList(0, Math.min(2, args.size()));
        return new CliOutput(
                "No such command '" + command.trim() + "' (type 'core show help " + String.join(" ", best)
                        + "' for other possible commands)\n",
                true);
    }

    /** {@code core show channels} as Asterisk 20's CLI prints it ({@code main/cli.c handle_chanlist}). */
    static List<String> coreShowChannels(List<ChannelStatus> channels, int callsProcessed) {
        String format = "%-64.64s %-32.32s %-7.7s %-30.30s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "Channel", "Location", "State", "Application(Data)"));
        Set<String> calls = new HashSet<>();
        for (ChannelStatus status : channels) {
            ChannelSnapshot c = status.channel();
            calls.add(c.linkedid());
            lines.add(String.format(
                    Locale.ROOT,
                    format,
                    c.name(),
                    c.exten() + "@" + c.context() + ":" + c.priority(),
                    c.state().text(),
                    status.application().isEmpty() ? "(None)" : status.application() + "(" + status.appData() + ")"));
        }
        lines.add(plural(channels.size(), "active channel"));
        lines.add(plural(calls.size(), "active call"));
        lines.add(plural(callsProcessed, "call") + " processed");
        return lines;
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static CliOutput presenceChange(List<String> args, Pbx pbx) {
        if (args.size() != 4 || !args.get(2).regionMatches(true, 0, "CustomPresence:", 0, 15)) {
            return new CliOutput(PRESENCE_USAGE, true);
        }
        Presence p = Presence.parse(args.get(3));
        if (p == null) {
            return new CliOutput(PRESENCE_USAGE, true);
        }
        String name = args.get(2).substring(15);
        String state = args.get(3).split(",", 2)[0];
        pbx.setPresence(name, p, Pbx.PresenceSource.CLI);
        return new CliOutput("Changing " + name + " to " + state + "\n", false);
    }

    /** Splits on blanks, keeping double-quoted runs together without the quotes (ast_cli's parse_args). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
