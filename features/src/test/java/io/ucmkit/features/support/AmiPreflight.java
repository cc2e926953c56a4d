package io.ucmkit.features.support;

import io.ucmkit.features.wire.WireMessage;
import io.ucmkit.features.wire.WireView;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Before any scenario runs against an external PBX: logs in as each AMI user of the suite and
 * finds out what it may do, so that a user without a privilege class fails the run at once,
 * naming the class, instead of each scenario waiting for events that never come.
 *
 * <p>Asterisk has no action that tells a user its own classes, so they are read from what it does:
 * the write classes from {@code ListCommands}, which lists only the actions the user may send
 * (manager.c {@code action_listcommands} checks {@code writeperm}); read class {@code call} from
 * whether the user receives the {@code PresenceStateChange} (class call) of a presence it sets
 * itself on a presentity no extension uses ({@code Setvar PRESENCE_STATE(CustomPresence:…)}, which
 * Asterisk publishes on every write). Read class {@code dtmf} cannot be probed without a call: a
 * user lacking it fails the IVR scenarios with the events it did receive.
 */
public final class AmiPreflight {

    /** The presentity the read probe writes: no extension's, so no hint, phone or scenario sees it. */
    static final String PROBE_PRESENTITY = "CustomPresence:ucmkit-preflight";

    private static final Duration ANSWER = Duration.ofSeconds(10);

    /** A privilege class the suite needs, the action that shows it (for write) and what fails without it. */
    public record Need(boolean write, String privilege, String action, String consequence) {

        public static Need read(String privilege, String consequence) {
            return new Need(false, privilege, null, consequence);
        }

        public static Need write(String privilege, String action, String consequence) {
            return new Need(true, privilege, action, consequence);
        }
    }

    /** What the target's own user needs for every scenario a real PBX can run. */
    public static final List<Need> TARGET_USER = List.of(
            Need.read("call", "scenarios needing call, extension-state or presence events cannot pass"),
            Need.write("originate", "Originate", "Call Phone and Barge cannot pass"),
            Need.write("call", "Setvar", "presence set over AMI and the driver's channel actions cannot pass"));
    /** And where the suite may restart the PBX (core restart now over AMI). */
    public static final Need RESTART = Need.write("command", "Command", "the @restarts-pbx scenarios cannot pass");
    /** What the restricted user (read and write call only) needs for the @restricted-user scenarios. */
    public static final List<Need> RESTRICTED_USER = List.of(
            Need.read("call", "the @restricted-user scenarios, which watch its call events, cannot pass"),
            Need.write("call", "Setvar", "the @restricted-user scenarios cannot pass"));

    private AmiPreflight() {}

    /**
     * Every need {@code username} does not meet on {@code host:port}, one sentence each; empty when it
     * meets them all. {@code eventWait} bounds the wait for a probe event that a user lacking the
     * class never receives (Asterisk publishes it through stasis, a moment after the answer).
     */
    public static List<String> problems(
            String host, int port, String username, String password, List<Need> needs, Duration eventWait) {
        List<String> problems = new ArrayList<>();
        String user = "the AMI user '" + username + "'";
        try (WireView client = WireView.connect(host, port)) {
            client.banner(ANSWER);
            client.sendMessage(
                    "Action: Login\nActionID: preflight-login\nUsername: " + username + "\nSecret: " + password);
            WireMessage login = client.nextResponse(ANSWER);
            if (!"Success".equalsIgnoreCase(login.get("Response"))) {
                return List.of(user + " cannot log in to " + host + ":" + port + ": " + login.get("Message"));
            }
            client.sendMessage("Action: ListCommands\nActionID: preflight-commands");
            WireMessage commands = client.nextResponse(ANSWER);
            boolean listed = "Success".equalsIgnoreCase(commands.get("Response"));
            for (Need need : needs) {
                if (need.write() && listed && commands.get(need.action()) == null) {
                    problems.add(user + " lacks write class '" + need.privilege() + "' (ListCommands offers no "
                            + need.action() + "): " + need.consequence());
                }
            }
            for (Need need : needs) {
                if (!need.write() && need.privilege().equals("call")) {
                    String problem = readsCall(client, commands, listed, user, eventWait);
                    if (problem != null) {
                        problems.add(problem + need.consequence());
                    }
                }
            }
            client.sendMessage("Action: Logoff\nActionID: preflight-logoff");
        } catch (IOException e) {
            return List.of(user + " cannot reach " + host + ":" + port + ": " + e.getMessage());
        } catch (Exception e) {
            return List.of(user + " on " + host + ":" + port + " did not answer the preflight: " + e.getMessage());
        }
        return problems;
    }

    /** Null when the user receives a class-call event; else the start of the sentence saying why not, or why it is not known. */
    private static String readsCall(
            WireView client, WireMessage commands, boolean listed, String user, Duration eventWait) throws Exception {
        if (listed && commands.get("Setvar") == null) {
            return user + " may not write 'call', so whether it reads 'call' is not known: ";
        }
        // available, with a subtype and message that make this write unlike any other
        String message = "probe-" + System.nanoTime();
        client.sendMessage("Action: Setvar\nActionID: preflight-probe\nVariable: PRESENCE_STATE(" + PROBE_PRESENTITY
                + ")\nValue: available,preflight," + message);
        WireMessage set = client.nextResponse(ANSWER);
        if (!"Success".equalsIgnoreCase(set.get("Response"))) {
            return user + " could not set the probe presence (" + set.get("Message")
                    + "), so whether it reads 'call' is not" + " known: ";
        }
        try {
            client.awaitEvent(
                    e -> "PresenceStateChange".equalsIgnoreCase(e.get("Event")) && message.equals(e.get("Message")),
                    eventWait);
            return null;
        } catch (AssertionError none) {
            return user + " lacks read class 'call' (no PresenceStateChange within " + eventWait.toMillis()
                    + " ms of setting " + PROBE_PRESENTITY + "): ";
        }
    }
}
