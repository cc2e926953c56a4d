package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.Calls;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The AMI call actions over a bare call engine, without sockets: what a session would write in
 * answer to each request, for the engine's unit tests.
 */
public final class CallAmi {

    private final Calls calls;
    private final boolean asterisk13;

    public CallAmi(Calls calls) {
        this(calls, false);
    }

    public CallAmi(Calls calls, boolean asterisk13) {
        this.calls = calls;
        this.asterisk13 = asterisk13;
    }

    /** Originate by a user with ({@code systemWrite}) or without the system write class. */
    public CompletableFuture<List<AmiMessage>> originate(AmiMessage action, boolean systemWrite) {
        return new OriginateAction(calls).answer(action, systemWrite, asterisk13);
    }

    public List<AmiMessage> hangup(AmiMessage action) {
        return new HangupAction(calls).answer(action);
    }

    public List<AmiMessage> redirect(AmiMessage action) {
        return new RedirectAction(calls).answer(action);
    }

    public List<AmiMessage> status(AmiMessage action) {
        return new StatusAction(calls).answer(action);
    }

    public List<AmiMessage> coreShowChannels(AmiMessage action) {
        return new CoreShowChannelsAction(calls).answer(action);
    }

    public List<AmiMessage> playDtmf(AmiMessage action) {
        return new PlayDtmfAction(calls).answer(action);
    }

    /** Getvar with a Channel. */
    public List<AmiMessage> getvar(AmiMessage action) {
        return new GetvarAction(calls).onChannel(action);
    }

    /** Setvar with a Channel. */
    public List<AmiMessage> setvar(AmiMessage action) {
        return new SetvarAction(calls).onChannel(action);
    }

    /** The lines of the CLI command {@code core show channels}. */
    public List<String> coreShowChannelsCli() {
        return Cli.coreShowChannels(calls.status(null).orElseThrow(), calls.callsProcessed());
    }
}
