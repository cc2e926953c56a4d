package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.call.CallerId;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.call.OriginateRequest;
import io.ucmkit.simulator.config.Privileges;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Originate (docs/ami.md §3.1): the headers checked in {@code action_originate}'s order with Asterisk's
 * exact texts (or the 13.x texts when emulating Asterisk 13), then the call engine runs the call.
 * The Async form answers at once; the sync form when the source phone answers
 * ({@code Originate successfully queued}) or the attempt fails ({@code Originate failed}), transcript
 * 09c. Apps like System need the {@code system} write class too.
 */
final class OriginateAction implements ActionHandler {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(30_000);
    private static final List<String> BLACKLISTED_APPS =
            List.of("agi", "dbdeltree", "exec", "externalivr", "mixmonitor", "originate", "reload", "system");
    private static final List<String> BLACKLISTED_DATA =
            List.of("CURL", "DB", "EVAL", "FILE", "ODBC", "REALTIME", "SHELL");

    private final Calls calls;

    OriginateAction(Calls calls) {
        this.calls = calls;
    }

    @Override
    public void handle(ActionContext ctx) {
        boolean systemWrite = (ctx.session().writePerm() & Privileges.SYSTEM) != 0;
        boolean asterisk13 = ctx.server().settings().asteriskVersion() < 14;
        ctx.replyLater(answer(ctx.request(), systemWrite, asterisk13));
    }

    /** The response messages to write, once the future completes. */
    CompletableFuture<List<AmiMessage>> answer(AmiMessage action, boolean systemWrite, boolean asterisk13) {
        Checked checked = check(action, systemWrite, asterisk13);
        if (checked.error() != null) {
            return CompletableFuture.completedFuture(List.of(AmiResponses.error(action, checked.error())));
        }
        OriginateRequest r = checked.request();
        AmiMessage queued =
                AmiResponses.success(action, "Originate successfully queued").build();
        if (r.async()) {
            // The call starts while the action runs; the server's publisher writes the events it
            // raises after this response (surprise 10, docs/ami.md §8 "flush queued events only between actions").
            calls.originate(r);
            return CompletableFuture.completedFuture(List.of(queued));
        }
        return calls.originate(r)
                .thenApply(o -> List.of(o.success() ? queued : AmiResponses.error(action, "Originate failed")));
    }

    /** Either a request or the {@code Message:} of a {@code Response: Error}. */
    private record Checked(OriginateRequest request, String error) {
        static Checked error(String message) {
            return new Checked(null, message);
        }
    }

    private Checked check(AmiMessage action, boolean systemWrite, boolean asterisk13) {
        String channel = action.getNonEmpty("Channel");
        if (channel == null) {
            return Checked.error("Channel not specified");
        }
        String priority = action.getNonEmpty("Priority");
        if (priority != null && AmiValues.leadingInt(priority) == null) {
            // a label: the simulated dialplan has none
            return Checked.error("Invalid priority");
        }
        String timeoutText = action.getNonEmpty("Timeout");
        Integer timeout = timeoutText == null
                ? Integer.valueOf((int) DEFAULT_TIMEOUT.toMillis())
                : AmiValues.leadingInt(timeoutText);
        if (timeout == null) {
            return Checked.error("Invalid timeout");
        }
        int slash = channel.indexOf('/');
        if (slash < 0) {
            return Checked.error("Invalid channel");
        }
        String application = action.getNonEmpty("Application");
        String data = action.get("Data", "");
        if (application != null && !systemWrite) {
            String app = application.toLowerCase(Locale.ROOT);
            boolean badApp = BLACKLISTED_APPS.stream().anyMatch(app::contains);
            boolean badData = BLACKLISTED_DATA.stream().anyMatch(data::contains);
            if (badApp || badData) {
                if (asterisk13) {
                    return Checked.error(
                            badApp ? "Originate Access Forbidden: Application" : "Originate Access Forbidden: Data");
                }
                return Checked.error("Originate Access Forbidden: app or data blacklisted");
            }
        }
        String exten = action.getNonEmpty("Exten");
        String context = action.getNonEmpty("Context");
        if (application == null) {
            if (exten != null && (context == null || priority == null)) {
                return Checked.error("Originate with 'Exten' requires 'Context' and 'Priority'");
            }
            // Any context name is accepted: the simulated dialplan has one namespace (inferred).
            if (exten == null || !calls.exists(exten)) {
                return Checked.error("Extension does not exist.");
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
        return new Checked(
                new OriginateRequest(
                        action.actionId(),
                        channel.substring(0, slash),
                        channel.substring(slash + 1),
                        channel,
                        context,
                        exten,
                        application,
                        data,
                        CallerId.parse(action.get("CallerID")),
                        Duration.ofMillis(Math.max(0, timeout)),
                        AmiValues.astTrue(action.get("Async", "")),
                        action.getNonEmpty("ChannelId"),
                        vars),
                null);
    }
}
