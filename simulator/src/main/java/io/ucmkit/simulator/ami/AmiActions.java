package io.ucmkit.simulator.ami;

import static io.ucmkit.simulator.config.Privileges.CALL;
import static io.ucmkit.simulator.config.Privileges.COMMAND;
import static io.ucmkit.simulator.config.Privileges.ORIGINATE;
import static io.ucmkit.simulator.config.Privileges.REPORTING;
import static io.ucmkit.simulator.config.Privileges.SYSTEM;
import static io.ucmkit.simulator.config.Privileges.USER;

import io.ucmkit.simulator.call.Calls;
import java.util.List;

/**
 * Every AMI action the simulator answers, in one table: name, synopsis and write classes as
 * ListCommands prints them (transcript 25), and the class that runs it.
 */
final class AmiActions {

    private static final int NONE = 0;

    private AmiActions() {}

    static List<RegisteredAction> all(Calls calls) {
        return List.of(
                ActionSpec.beforeLogin("Login", "Login Manager.").handledBy(new LoginAction()),
                ActionSpec.beforeLogin("Challenge", "Generate Challenge for MD5 Auth.")
                        .handledBy(new ChallengeAction()),
                ActionSpec.beforeLogin("Logoff", "Logoff Manager.").handledBy(new LogoffAction()),
                ActionSpec.of("Ping", "Keepalive command.", NONE).handledBy(new PingAction()),
                ActionSpec.of("Events", "Control Event Flow.", NONE).handledBy(new EventsAction()),
                ActionSpec.of("ListCommands", "List available manager commands.", NONE)
                        .handledBy(new ListCommandsAction()),
                ActionSpec.of("CoreSettings", "Show PBX core settings (version etc).", SYSTEM | REPORTING)
                        .handledBy(new CoreSettingsAction()),
                ActionSpec.of("CoreStatus", "Show PBX core status variables.", SYSTEM | REPORTING)
                        .handledBy(new CoreStatusAction()),
                ActionSpec.of("Command", "Execute Asterisk CLI Command.", COMMAND)
                        .handledBy(new CommandAction(calls)),
                ActionSpec.of("ExtensionState", "Check Extension Status.", CALL | REPORTING)
                        .handledBy(new ExtensionStateAction()),
                ActionSpec.of("ExtensionStateList", "List the current known extension states.", CALL | REPORTING)
                        .handledBy(new ExtensionStateListAction()),
                ActionSpec.of("PresenceState", "Check Presence State", CALL | REPORTING)
                        .handledBy(new PresenceStateAction()),
                ActionSpec.of("PresenceStateList", "List the current known presence states.", CALL | REPORTING)
                        .handledBy(new PresenceStateListAction()),
                ActionSpec.of("DeviceStateList", "List the current known device states.", CALL | REPORTING)
                        .handledBy(new DeviceStateListAction()),
                ActionSpec.of("Setvar", "Sets a channel variable or function value.", CALL)
                        .handledBy(new SetvarAction(calls)),
                ActionSpec.of("Getvar", "Gets a channel variable or function value.", CALL | REPORTING)
                        .handledBy(new GetvarAction(calls)),
                ActionSpec.of("UserEvent", "Send an arbitrary event.", USER).handledBy(new UserEventAction()),
                ActionSpec.of("PJSIPShowContacts", "Lists PJSIP Contacts.", SYSTEM)
                        .handledBy(new PjsipShowContactsAction()),
                // Originate needs the originate class; apps like System need system too (OriginateAction).
                ActionSpec.of("Originate", "Originate a call.", ORIGINATE).handledBy(new OriginateAction(calls)),
                ActionSpec.of("Hangup", "Hangup channel.", SYSTEM | CALL).handledBy(new HangupAction(calls)),
                ActionSpec.of("Redirect", "Redirect (transfer) a call.", CALL).handledBy(new RedirectAction(calls)),
                ActionSpec.of("Status", "List channel status.", SYSTEM | CALL | REPORTING)
                        .handledBy(new StatusAction(calls)),
                ActionSpec.of("CoreShowChannels", "List currently active channels.", SYSTEM | REPORTING)
                        .handledBy(new CoreShowChannelsAction(calls)),
                ActionSpec.of("PlayDTMF", "Play DTMF signal on a specific channel.", CALL)
                        .handledBy(new PlayDtmfAction(calls)));
    }
}
