package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import io.ucmkit.simulator.config.Privileges;
import io.ucmkit.simulator.event.ManagerEvent;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An Originate (docs/ami.md §3.1) once the {@code ami} package has checked it: the source
 * phone rings (transcript 09: Newchannel, Newexten AppDial2, NewCallerid, NewConnectedLine,
 * DialBegin without a caller block), and on answer the exten form runs the dialplan — the
 * OriginateResponse comes after the first Newexten (09, 23) — or the application form runs its
 * app right after the OriginateResponse (17: ChanSpyStart follows it). Called with the
 * {@link CallEngine}'s lock held.
 */
final class Originator {

    private final CallEngine engine;

    Originator(CallEngine engine) {
        this.engine = engine;
    }

    /**
     * Starts the call. The future completes when the source phone answers (after the first
     * dialplan step) or the attempt fails; the Async form also publishes OriginateResponse.
     */
    CompletableFuture<OriginateOutcome> originate(OriginateRequest r) {
        CompletableFuture<OriginateOutcome> result = new CompletableFuture<>();
        String tech = r.tech().toUpperCase(Locale.ROOT);
        Optional<PbxPort.Phone> phone = engine.pbx().phone(r.resource());
        boolean techOk = tech.equals("PJSIP") || tech.equals("SIP");
        if (!techOk || phone.isEmpty() || !phone.get().registered()) {
            // ast_request fails: no channel at all, OriginateResponse Failure Reason 0 (42d)
            fail(r, result, 0);
            return result;
        }
        // The endpoint's own caller ID first, then Originate's CallerID by NewCallerid (40)
        SimChannel source = engine.newChannel(
                phone.get().tech(),
                r.resource(),
                null,
                ChannelState.DOWN,
                new CallerId(phone.get().name(), phone.get().ext()),
                "s",
                r.channelId());
        source.presetVariables(r.variables());
        engine.newexten(source, "s", 1, "AppDial2", "(Outgoing Line)");
        if (r.callerId().isSet()) {
            engine.setCallerAndConnected(source, r.callerId(), r.callerId());
        }
        DialAttempt attempt = new DialAttempt(
                null,
                source,
                r.resource(),
                () -> answered(r, source, result),
                failure -> fail(r, result, reason(failure.cause())));
        engine.ringing().ring(attempt, phone.get(), r.timeout());
        return result;
    }

    private void answered(OriginateRequest r, SimChannel source, CompletableFuture<OriginateOutcome> result) {
        Runnable respond = () -> {
            if (r.async()) {
                engine.emit(response(r, true, 4, source));
            }
            result.complete(new OriginateOutcome(true, 4));
        };
        if (r.applicationForm()) {
            respond.run();
            if (r.application().equalsIgnoreCase("ChanSpy")) {
                engine.spies().start(source, r.data());
            } else {
                engine.apps().runApplication(source, r.application(), r.data());
            }
        } else {
            source.context(r.context());
            engine.apps().route(source, r.exten(), CallEngine.DIAL_RING_TIMEOUT, respond);
        }
    }

    /**
     * {@code pbx_dial_reason} (main/pbx.c) over dial.c's cause for the leg: a leg that rang and was
     * rejected leaves no cause (the SIP answer ends it as a hangup, not as a BUSY frame), so
     * Reason 0 whatever the phone answered (43: a 486); a ring timeout is 3 (dial.c sets NO_ANSWER).
     */
    private static int reason(int cause) {
        return cause == HangupCause.NO_ANSWER.code ? 3 : 0;
    }

    private void fail(OriginateRequest r, CompletableFuture<OriginateOutcome> result, int reason) {
        if (r.async()) {
            engine.emit(response(r, false, reason, null));
        }
        result.complete(new OriginateOutcome(false, reason));
    }

    /**
     * OriginateResponse as in 09/17: ActionID right after Privilege; on failure Channel is the
     * requested {@code Tech/data} and Uniqueid {@code <unknown>} unless ChannelId was given.
     */
    private ManagerEvent response(OriginateRequest r, boolean success, int reason, SimChannel source) {
        return ManagerEvent.of(
                "OriginateResponse", Privileges.CALL, b -> originateResponse(b, r, success, reason, source));
    }

    private static void originateResponse(
            AmiMessage.Builder b, OriginateRequest r, boolean success, int reason, SimChannel source) {
        b.addActionId(r.actionId());
        b.add("Response", success ? "Success" : "Failure");
        b.add("Channel", source != null ? source.name : r.requestedChannel());
        if (r.applicationForm()) {
            b.add("Application", r.application()).add("Data", r.data());
        } else {
            b.add("Context", r.context()).add("Exten", r.exten());
        }
        b.add("Reason", Integer.toString(reason));
        b.add("Uniqueid", source != null ? source.uniqueid : CallEvents.unknown(r.channelId()));
        b.add("CallerIDNum", CallEvents.unknown(r.callerId().number()));
        b.add("CallerIDName", CallEvents.unknown(r.callerId().name()));
    }
}
