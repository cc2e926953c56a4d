package io.ucmkit.simulator.call;

import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Originate action (AMI.md §3.1): validation with Asterisk's exact texts, then the source
 * phone rings (transcript 09: Newchannel, Newexten AppDial2, NewCallerid, NewConnectedLine,
 * DialBegin without a caller block), and on answer the exten form runs the dialplan — the
 * OriginateResponse comes after the first Newexten (09, 23) — or the application form runs its
 * app right after the OriginateResponse (17: ChanSpyStart follows it).
 */
final class Originator {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(30_000);
    private static final List<String> BLACKLISTED_APPS =
            List.of("agi", "dbdeltree", "exec", "externalivr", "mixmonitor", "originate", "reload", "system");
    private static final List<String> BLACKLISTED_DATA =
            List.of("CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME", "SHELL");

    private final CallEngine engine;

    Originator(CallEngine engine) {
        this.engine = engine;
    }

    /** What the sync form answers, and what the Async form's OriginateResponse carries. */
    record Outcome(boolean success, int reason) {}

    /** A validated request; {@link #validate} builds it or names the error. */
    record Request(
            String actionId,
            String tech,
            String resource,
            String requestedChannel,
            String context,
            String exten,
            String priority,
            String application,
            String data,
            CallerId callerId,
            Duration timeout,
            boolean async,
            String channelId,
            Map<String, String> variables) {
        boolean applicationForm() {
            return application != null;
        }
    }

    /** Either a request or the {@code Message:} of a {@code Response: Error}. */
    record Validated(Request request, String error) {}

    /**
     * Checks an Originate in {@code action_originate}'s order and returns the exact error text of
     * AMI.md §3.1 (or the 13.x texts when emulating Asterisk 13).
     */
    Validated validate(AmiMessage action, boolean systemWrite) {
        String channel = action.getNonEmpty("Channel");
        if (channel == null) {
            return error("Channel not specified");
        }
        String priority = action.getNonEmpty("Priority");
        if (priority != null && leadingInt(priority) == null) {
            // a label: the simulated dialplan has none
            return error("Invalid priority");
        }
        String timeoutText = action.getNonEmpty("Timeout");
        Integer timeout =
                timeoutText == null ? Integer.valueOf((int) DEFAULT_TIMEOUT.toMillis()) : leadingInt(timeoutText);
        if (timeout == null) {
            return error("Invalid timeout");
        }
        int slash = channel.indexOf('/');
        if (slash < 0) {
            return error("Invalid channel");
        }
        String application = action.getNonEmpty("Application");
        String data = action.get("Data", "");
        if (application != null && !systemWrite) {
            String app = application.toLowerCase(Locale.ROOT);
            boolean badApp = BLACKLISTED_APPS.stream().anyMatch(app::contains);
            boolean badData = BLACKLISTED_DATA.stream().anyMatch(data::contains);
            if (badApp || badData) {
                if (engine.asterisk13) {
                    return error(
                            badApp ? "Originate Access Forbidden: Application" : "Originate Access Forbidden: Data");
                }
                return error("Originate Access Forbidden: app or data blacklisted");
            }
        }
        String exten = action.getNonEmpty("Exten");
        String context = action.getNonEmpty("Context");
        if (application == null) {
            if (exten != null && (context == null || priority == null)) {
                return error("Originate with 'Exten' requires 'Context' and 'Priority'");
            }
            // Any context name is accepted: the simulated dialplan has one namespace (inferred).
            if (exten == null || !engine.apps.exists(exten)) {
                return error("Extension does not exist.");
            }
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : action.getAll("Variable")) {
            for (String pair : v.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
            }
        }
        String async = action.get("Async", "");
        boolean isAsync = ChannelActions.astTrue(async);
        String tech = channel.substring(0, slash);
        String resource = channel.substring(slash + 1);
        return new Validated(
                new Request(
                        action.actionId(),
                        tech,
                        resource,
                        channel,
                        context,
                        exten,
                        priority,
                        application,
                        data,
                        CallerId.parse(action.get("CallerID")),
                        Duration.ofMillis(Math.max(0, timeout)),
                        isAsync,
                        action.getNonEmpty("ChannelId"),
                        vars),
                null);
    }

    private static Validated error(String message) {
        return new Validated(null, message);
    }

    /** {@code sscanf("%30d")}: the leading integer, or null. */
    static Integer leadingInt(String text) {
        String t = text.trim();
        int end = 0;
        if (end < t.length() && (t.charAt(end) == '-' || t.charAt(end) == '+')) {
            end++;
        }
        int digitsStart = end;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end == digitsStart || end - digitsStart > 9) {
            return null;
        }
        return Integer.parseInt(t.substring(0, end));
    }

    /**
     * Starts the call. The future completes when the source phone answers (after the first
     * dialplan step) or the attempt fails; the Async form also publishes OriginateResponse.
     */
    CompletableFuture<Outcome> originate(Request r) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        synchronized (engine) {
            String tech = r.tech().toUpperCase(Locale.ROOT);
            Optional<PbxPort.Phone> phone = engine.pbx.phone(r.resource());
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
            source.variables.putAll(r.variables());
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
            engine.ring(attempt, phone.get(), r.timeout());
        }
        return result;
    }

    private void answered(Originator.Request r, SimChannel source, CompletableFuture<Outcome> result) {
        Runnable respond = () -> {
            if (r.async()) {
                engine.emit(response(r, true, 4, source));
            }
            result.complete(new Outcome(true, 4));
        };
        if (r.applicationForm()) {
            respond.run();
            if (r.application().equalsIgnoreCase("ChanSpy")) {
                engine.apps.startSpy(source, r.data());
            } else {
                engine.apps.runApplication(source, r.application(), r.data());
            }
        } else {
            source.context = r.context();
            engine.apps.route(source, r.exten(), CallEngine.DIAL_RING_TIMEOUT, respond);
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

    private void fail(Request r, CompletableFuture<Outcome> result, int reason) {
        if (r.async()) {
            engine.emit(response(r, false, reason, null));
        }
        result.complete(new Outcome(false, reason));
    }

    /**
     * OriginateResponse as in 09/17: ActionID right after Privilege; on failure Channel is the
     * requested {@code Tech/data} and Uniqueid {@code <unknown>} unless ChannelId was given.
     */
    private AmiMessage response(Request r, boolean success, int reason, SimChannel source) {
        AmiMessage.Builder b = CallEvents.event("OriginateResponse", CallEvents.CALL);
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
        return b.build();
    }
}
