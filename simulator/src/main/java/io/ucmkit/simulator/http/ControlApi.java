package io.ucmkit.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ucmkit.ami.AmiHeader;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.SimulatorAdmin;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.config.PbxConfigException;
import io.ucmkit.simulator.config.Privileges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import io.ucmkit.simulator.call.Calls;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The HTTP control API (SPEC §4) on reactor-netty, base {@code /api/v1}, JSON via Jackson; every
 * route is a thin call into {@link SimulatorAdmin}. Errors: 400 naming the field, the value sent
 * and what is allowed; 404 for an unknown extension (before its body is looked at) or user; 409
 * when a phone has nothing to act on (no ringing call to answer).
 */
public final class ControlApi implements UcmSimulator.PortHolder {

  private static final String BASE = "/api/v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  // What each body field allows, repeated in its 400 so the caller need not look it up.
  private static final String PRESENCE = "available, away, chat, dnd, custom, unavailable";
  private static final String CUSTOM_TEXT = "1 to 64 characters (status custom only)";
  private static final String ANSWER_MODES = "manual, auto, decline, busy, no-answer";
  private static final String DELAY_MS = "a whole number of milliseconds 0..600000";
  private static final String NUMBER = "1 to 32 of 0-9, * and #";
  private static final String DIGITS = "1 to 32 of 0-9, *, # and A-D";
  private static final String SECRET = "1 to 64 characters without line breaks; \"****\" or none keeps the saved one";
  /** What a GET shows for a user's secret; sent back in a PUT, it keeps the saved secret. */
  private static final String SECRET_SHOWN = "****";
  private static final String PERMIT = "an array of ip/netmask such as 127.0.0.1/255.255.255.255";
  private static final String CLASSES = "an array of AMI classes such as call, system or all";
  private final DisposableServer server;

  private ControlApi(DisposableServer server) {
    this.server = server;
  }

  public static ControlApi start(SimulatorAdmin admin, String host, int port) {
    try {
      return new ControlApi(HttpServer.create().host(host).port(port).route(r -> r
          .get(BASE + "/extensions", (q, s) -> json(s, () -> admin.extensions()))
          .get(BASE + "/extensions/{ext}", (q, s) -> json(s, () -> admin.extension(q.param("ext"))))
          .put(BASE + "/extensions/{ext}/presence", (q, s) -> extensionBody(q, s, admin, (ext, b) ->
              admin.setPresence(ext, text(b, "status", PRESENCE), optionalText(b, "text", CUSTOM_TEXT))))
          .put(BASE + "/extensions/{ext}/registration", (q, s) -> extensionBody(q, s, admin, (ext, b) ->
              admin.setRegistered(ext, bool(b, "registered"))))
          .put(BASE + "/extensions/{ext}/answer-mode", (q, s) -> extensionBody(q, s, admin, (ext, b) ->
              admin.setAnswerMode(ext, text(b, "mode", ANSWER_MODES), delayMs(b))))
          .post(BASE + "/extensions/{ext}/answer", (q, s) -> phone(s, () -> admin.answer(q.param("ext")), admin))
          .post(BASE + "/extensions/{ext}/decline", (q, s) -> phone(s, () -> admin.decline(q.param("ext")), admin))
          .post(BASE + "/extensions/{ext}/hangup", (q, s) -> phone(s, () -> admin.hangup(q.param("ext")), admin))
          .post(BASE + "/extensions/{ext}/dial", (q, s) -> extensionBody(q, s, admin, (ext, b) -> phoneResult(
              () -> admin.dial(ext, text(b, "number", NUMBER)), admin)))
          .post(BASE + "/extensions/{ext}/dtmf", (q, s) -> extensionBody(q, s, admin, (ext, b) -> phoneResult(
              () -> admin.dtmf(ext, text(b, "digits", DIGITS)), admin)))
          .get(BASE + "/calls", (q, s) -> json(s, admin::calls))
          .get(BASE + "/watchers", (q, s) -> json(s, admin::watchers))
          .get(BASE + "/ami/sessions", (q, s) -> json(s, admin::amiSessions))
          .get(BASE + "/ami/users/{name}", (q, s) -> json(s, () -> masked(admin.amiUser(q.param("name"))
              .orElseThrow(() -> new NoSuchElementException("no AMI user " + q.param("name"))))))
          .put(BASE + "/ami/users/{name}", (q, s) -> body(q, s, () -> { }, b -> {
            String name = q.param("name");
            AmiUserConfig u = new AmiUserConfig(name, secretToSave(b, admin, name), list(b, "permit", PERMIT),
                list(b, "read", CLASSES), list(b, "write", CLASSES));
            admin.saveAmiUser(u);
            return masked(u);
          }))
          .get(BASE + "/journal", (q, s) -> json(s, admin::journal))
          .delete(BASE + "/journal", (q, s) -> json(s, () -> {
            admin.clearJournal();
            return Map.of("cleared", true);
          }))
          .post(BASE + "/reset", (q, s) -> json(s, () -> {
            admin.reset();
            return Map.of("reset", true);
          }))
          .get(BASE + "/events", (q, s) -> s.sse().sendString(events(admin)))
          .route(DashboardPages::handles, DashboardPages::serve))
          .bindNow());
    } catch (RuntimeException e) {
      throw new IllegalStateException("control API cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.disposeNow();
  }

  private static Flux<String> events(SimulatorAdmin admin) {
    return Flux.<String>create(sink -> {
      AutoCloseable handle = admin.events((event, privilege) -> sink.next("data: " + write(eventJson(event, privilege)) + "\n\n"));
      sink.onDispose(() -> {
        try {
          handle.close();
        } catch (Exception e) {
          sink.error(e);
        }
      });
    }).onBackpressureBuffer(10_000);
  }

  static Map<String, Object> eventJson(AmiMessage event, int privilege) {
    Map<String, Object> headers = new LinkedHashMap<>();
    for (AmiHeader h : event.headers()) {
      headers.merge(h.name(), h.value(), (a, b) -> a + "\n" + b);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event", event.eventName());
    out.put("privilege", Privileges.eventPrivilege(privilege));
    out.put("headers", headers);
    return out;
  }

  /**
   * The secret a PUT saves. A GET shows {@link #SECRET_SHOWN} in its place, and a client that
   * PUTs the object it got back (what a UI's Save does, and the UCM's own GUI when the password
   * is left alone) means "unchanged": so {@code ****}, like an absent secret, keeps the stored
   * one, and only a new user must name one.
   */
  private static String secretToSave(JsonNode body, SimulatorAdmin admin, String name) {
    String sent = optionalText(body, "secret", SECRET);
    if (sent != null && !sent.equals(SECRET_SHOWN)) {
      return sent;
    }
    return admin.amiUser(name).map(AmiUserConfig::secret).orElseThrow(() -> new IllegalArgumentException(
        "secret is required for a new user (" + (sent == null ? "none was sent" : "'" + SECRET_SHOWN
            + "' keeps an existing user's secret") + "); allowed: " + SECRET));
  }

  private static Map<String, Object> masked(AmiUserConfig u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", u.username());
    m.put("secret", SECRET_SHOWN);
    m.put("permit", u.permit());
    m.put("read", u.read());
    m.put("write", u.write());
    return m;
  }

  /** A required string field; a missing or non-string one names the field and what it allows. */
  private static String text(JsonNode body, String field, String allowed) {
    String v = optionalText(body, field, allowed);
    if (v == null) {
      throw new IllegalArgumentException(field + " is required; allowed: " + allowed);
    }
    return v;
  }

  private static String optionalText(JsonNode body, String field, String allowed) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string; allowed: " + allowed);
    }
    return v.textValue();
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is required; allowed: true, false");
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(field + " must be a boolean; allowed: true, false");
    }
    return v.booleanValue();
  }

  /**
   * {@code delayMs}, 0 when absent. A value that is not a whole number is refused here, quoting
   * it as sent (JSON), rather than turned into a number the range check would report instead.
   */
  private static int delayMs(JsonNode body) {
    JsonNode v = body.get("delayMs");
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException("delayMs: " + v + " is not " + DELAY_MS);
    }
    return v.intValue();
  }

  private static List<String> list(JsonNode body, String field, String allowed) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is required; allowed: " + allowed);
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + " must be an array of strings; allowed: " + allowed);
    }
    List<String> out = new java.util.ArrayList<>();
    v.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * A body for a route under {@code /extensions/{ext}}: an unknown extension is 404 before the
   * body is parsed or checked, so a bad body on a missing extension is not mistaken for a 400.
   */
  private static Publisher<Void> extensionBody(HttpServerRequest q, HttpServerResponse s, SimulatorAdmin admin,
      BiFunction<String, JsonNode, Object> action) {
    String ext = q.param("ext");
    return body(q, s, () -> admin.extension(ext), b -> action.apply(ext, b));
  }

  /** Reads the body, runs {@code first} (a 404 check), then parses a JSON object and runs {@code action}. */
  private static Publisher<Void> body(HttpServerRequest q, HttpServerResponse s, Runnable first,
      Function<JsonNode, Object> action) {
    return q.receive().aggregate().asString().defaultIfEmpty("").flatMap(text -> Mono.from(json(s, () -> {
      first.run();
      return action.apply(jsonObject(text));
    })));
  }

  private static JsonNode jsonObject(String text) {
    JsonNode b;
    try {
      b = text.isBlank() ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body: invalid JSON: " + e.getOriginalMessage());
    }
    if (b == null || !b.isObject()) {
      throw new IllegalArgumentException("body: a JSON object is required");
    }
    return b;
  }

  private static Publisher<Void> json(HttpServerResponse s, java.util.function.Supplier<Object> action) {
    Object result;
    try {
      result = action.get();
    } catch (NoSuchElementException e) {
      return error(s, 404, e.getMessage());
    } catch (Calls.CallException e) {
      return error(s, e.status(), e.getMessage());
    } catch (IllegalArgumentException | PbxConfigException e) {
      return error(s, 400, e.getMessage());
    }
    return send(s, 200, result);
  }

  /** A phone action; answers with the live calls after it (so a client sees the effect at once). */
  private static Publisher<Void> phone(HttpServerResponse s, Runnable action, SimulatorAdmin admin) {
    return json(s, () -> phoneResult(action, admin));
  }

  private static Object phoneResult(Runnable action, SimulatorAdmin admin) {
    action.run();
    return admin.calls();
  }

  private static Publisher<Void> error(HttpServerResponse s, int status, String message) {
    return send(s, status, Map.of("error", message == null ? "error" : message));
  }

  private static Publisher<Void> send(HttpServerResponse s, int status, Object body) {
    return s.status(status).header("Content-Type", "application/json").sendString(Mono.just(write(body)));
  }

  private static String write(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
