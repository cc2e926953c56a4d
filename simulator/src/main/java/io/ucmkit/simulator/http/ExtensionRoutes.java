package io.ucmkit.simulator.http;

import static io.ucmkit.simulator.http.BodyFields.bool;
import static io.ucmkit.simulator.http.BodyFields.optionalInt;
import static io.ucmkit.simulator.http.BodyFields.optionalText;
import static io.ucmkit.simulator.http.BodyFields.text;
import static io.ucmkit.simulator.http.Responses.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.AnswerMode;
import io.ucmkit.simulator.admin.PresenceStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The routes of the extensions and their phones: read an extension, set its presence, registration and answer
 * mode, and act on its phone (answer, decline, hang up, dial, DTMF), plus the live calls and the watchers' keys
 * those actions change. A phone action answers with the live calls after it, so a client sees the effect at once.
 */
final class ExtensionRoutes {

    // What each body field allows, repeated in its 400 so the caller need not look it up.
    private static final String PRESENCE = String.join(", ", PresenceStatus.wires());
    private static final String CUSTOM_TEXT = "1 to 64 characters (status custom only)";
    private static final String ANSWER_MODES = String.join(", ", AnswerMode.wires());
    private static final String DELAY_MS = "a whole number of milliseconds 0.." + AnswerMode.MAX_DELAY_MS;
    private static final String NUMBER = "1 to 32 of 0-9, * and #";
    private static final String DIGITS = "1 to 32 of 0-9, *, # and A-D";

    private final Admin admin;

    ExtensionRoutes(Admin admin) {
        this.admin = admin;
    }

    List<Route> routes(String base) {
        return List.of(
                Route.of("GET", base + "/extensions", (q, s) -> json(s, () -> admin.extensions())),
                Route.of("GET", base + "/extensions/{ext}", (q, s) -> json(s, () -> admin.extension(q.param("ext")))),
                Route.withBody(
                        "PUT",
                        base + "/extensions/{ext}/presence",
                        List.of("status", "text"),
                        (q, s, body) -> extensionBody(q, s, body, (ext, b) -> {
                            // each field's type before any value, in field order
                            String status = text(b, "status", PRESENCE);
                            String text = optionalText(b, "text", CUSTOM_TEXT);
                            return admin.setPresence(ext, presenceStatus(status), text);
                        })),
                Route.withBody(
                        "PUT",
                        base + "/extensions/{ext}/registration",
                        List.of("registered"),
                        (q, s, body) ->
                                extensionBody(q, s, body, (ext, b) -> admin.setRegistered(ext, bool(b, "registered")))),
                Route.withBody(
                        "PUT",
                        base + "/extensions/{ext}/answer-mode",
                        List.of("mode", "delayMs"),
                        (q, s, body) -> extensionBody(q, s, body, (ext, b) -> {
                            String mode = text(b, "mode", ANSWER_MODES);
                            int delayMs = optionalInt(b, "delayMs", DELAY_MS);
                            return admin.setAnswerMode(ext, answerMode(mode), Duration.ofMillis(delayMs));
                        })),
                Route.of(
                        "POST",
                        base + "/extensions/{ext}/answer",
                        (q, s) -> phone(s, () -> admin.answer(q.param("ext")))),
                Route.of(
                        "POST",
                        base + "/extensions/{ext}/decline",
                        (q, s) -> phone(s, () -> admin.decline(q.param("ext")))),
                Route.of(
                        "POST",
                        base + "/extensions/{ext}/hangup",
                        (q, s) -> phone(s, () -> admin.hangup(q.param("ext")))),
                Route.withBody(
                        "POST",
                        base + "/extensions/{ext}/dial",
                        List.of("number"),
                        (q, s, body) -> extensionBody(
                                q, s, body, (ext, b) -> callsAfter(() -> admin.dial(ext, text(b, "number", NUMBER))))),
                Route.withBody(
                        "POST",
                        base + "/extensions/{ext}/dtmf",
                        List.of("digits"),
                        (q, s, body) -> extensionBody(
                                q, s, body, (ext, b) -> callsAfter(() -> admin.dtmf(ext, text(b, "digits", DIGITS))))),
                Route.of("GET", base + "/calls", (q, s) -> json(s, admin::calls)),
                Route.of("GET", base + "/watchers", (q, s) -> json(s, admin::watchers)));
    }

    /**
     * A body for a route under {@code /extensions/{ext}}: an unknown extension is 404 before the
     * body is parsed or checked, so a bad body on a missing extension is not mistaken for a 400.
     */
    private Publisher<Void> extensionBody(
            HttpServerRequest q, HttpServerResponse s, Route.Body body, BiFunction<String, JsonNode, Object> action) {
        String ext = q.param("ext");
        return json(s, () -> {
            admin.extension(ext);
            return action.apply(ext, body.get());
        });
    }

    private Publisher<Void> phone(HttpServerResponse s, Runnable action) {
        return json(s, () -> callsAfter(action));
    }

    private Object callsAfter(Runnable action) {
        action.run();
        return admin.calls();
    }

    private static PresenceStatus presenceStatus(String status) {
        return PresenceStatus.ofWire(status)
                .orElseThrow(() -> new BadRequest(
                        "status: '" + status + "' is not one of " + String.join("|", PresenceStatus.wires()),
                        null,
                        null));
    }

    private static AnswerMode answerMode(String mode) {
        return AnswerMode.ofWire(mode)
                .orElseThrow(() -> new BadRequest(
                        "mode: '" + mode + "' is not one of " + String.join("|", AnswerMode.wires()), null, null));
    }
}
