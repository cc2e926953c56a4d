package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.config.Privileges;
import java.util.List;
import java.util.function.Function;

/**
 * The AMI actions on calls, each a thin handler over {@link Calls}: Originate (sync answers when
 * the source phone answers or fails, transcript 09c), Hangup, Redirect, Status, CoreShowChannels,
 * PlayDTMF, and the channel forms of Getvar/Setvar (the channel-less forms stay with the PBX).
 * Synopses and privileges as ListCommands prints them (transcript 25).
 */
public final class CallActions {

    private CallActions() {}

    /** The handlers to add to the core registry; they replace Getvar, Setvar and Command. */
    public static List<ActionHandler> all(Calls calls) {
        return List.of(
                new Originate(calls),
                new Simple("Hangup", "Hangup channel.", Privileges.SYSTEM | Privileges.CALL, calls::hangup),
                new Simple("Redirect", "Redirect (transfer) a call.", Privileges.CALL, calls::redirect),
                new Simple(
                        "Status",
                        "List channel status.",
                        Privileges.SYSTEM | Privileges.CALL | Privileges.REPORTING,
                        calls::status),
                new Simple(
                        "CoreShowChannels",
                        "List currently active channels.",
                        Privileges.SYSTEM | Privileges.REPORTING,
                        calls::coreShowChannels),
                new Simple("PlayDTMF", "Play DTMF signal on a specific channel.", Privileges.CALL, calls::playDtmf),
                new ChannelOrGlobal(new GetvarAction(), calls::getvar),
                new ChannelOrGlobal(new SetvarAction(), calls::setvar),
                new CommandAction(calls::coreShowChannelsCli));
    }

    /** Originate: needs the {@code originate} class; apps like System need {@code system} too. */
    private static final class Originate implements ActionHandler {
        private final Calls calls;

        Originate(Calls calls) {
            this.calls = calls;
        }

        @Override
        public String action() {
            return "Originate";
        }

        @Override
        public String synopsis() {
            return "Originate a call.";
        }

        @Override
        public int privilege() {
            return Privileges.ORIGINATE;
        }

        @Override
        public void handle(ActionContext ctx) {
            boolean systemWrite = (ctx.session().writePerm() & Privileges.SYSTEM) != 0;
            ctx.replyLater(calls.originate(ctx.request(), systemWrite));
        }
    }

    /** An action answered at once with the messages {@link Calls} returns. */
    private record Simple(String action, String synopsis, int privilege, Function<AmiMessage, List<AmiMessage>> run)
            implements ActionHandler {
        @Override
        public void handle(ActionContext ctx) {
            run.apply(ctx.request()).forEach(ctx::reply);
        }
    }

    /** Getvar/Setvar: with a {@code Channel} the call model answers, without one the PBX's handler. */
    private record ChannelOrGlobal(ActionHandler global, Function<AmiMessage, List<AmiMessage>> onChannel)
            implements ActionHandler {
        @Override
        public String action() {
            return global.action();
        }

        @Override
        public String synopsis() {
            return global.synopsis();
        }

        @Override
        public int privilege() {
            return global.privilege();
        }

        @Override
        public void handle(ActionContext ctx) {
            if (ctx.request().get("Channel", "").isEmpty()) {
                global.handle(ctx);
            } else {
                onChannel.apply(ctx.request()).forEach(ctx::reply);
            }
        }
    }
}
