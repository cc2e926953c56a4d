package io.ucmkit.simulator.ami;

import java.util.List;

/** The handlers of part 1 (issue 3). Call actions (Originate, Hangup, …) come from the call model. */
final class CoreActions {

    private CoreActions() {}

    static List<ActionHandler> all() {
        return List.of(
                new LoginAction(),
                new ChallengeAction(),
                new LogoffAction(),
                new PingAction(),
                new EventsAction(),
                new ListCommandsAction(),
                new CoreSettingsAction(),
                new CoreStatusAction(),
                new CommandAction(),
                new ExtensionStateAction(),
                new ExtensionStateListAction(),
                new PresenceStateAction(),
                new PresenceStateListAction(),
                new DeviceStateListAction(),
                new SetvarAction(),
                new GetvarAction(),
                new UserEventAction(),
                new PjsipShowContactsAction());
    }
}
