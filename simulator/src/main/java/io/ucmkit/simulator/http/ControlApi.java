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
 * route is a thin call into {@link SimulatorAdmin}. Errors: 400 naming the field, 404 for an
 * unknown extension or user, 409 when a phone has nothing to act on (no ringing call to answer).
 */
public final class ControlApi implements UcmSimulator.PortHolder {

  private static final String BASE = "/api/v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DisposableServer server;

  private ControlApi(DisposableServer server) {
    this.server = server;
  }

  public static ControlApi start(SimulatorAdmin admin, String host, int port) {
    try {
      return new ControlApi(HttpServer.create().host(host).port(port).route(r -> r
          .get(BASE + "/extensions", (q, s) -> json(s, () -> admin.extensions()))
          .get(BASE + "/extensions/{ext}", (q, s) -> json(s, () -> admin.extension(q.param("ext"))))
          .put(BASE + "/extensions/{ext}/presence", (q, s) -> body(q, s, b ->
              admin.setPresence(q.param("ext"), text(b, "status", true), text(b, "text", false))))
          .put(BASE + "/extensions/{ext}/registration", (q, s) -> body(q, s, b -> {
            JsonNode v = b.get("registered");
            if (v == null || !v.isBoolean()) {
              throw new IllegalArgumentException("registered: true or false required");
            }
            return admin.setRegistered(q.param("ext"), v.booleanValue());
          }))
          .put(BASE + "/extensions/{ext}/answer-mode", (q, s) -> body(q, s, b -> admin.setAnswerMode(q.param("ext"),
              text(b, "mode", true), b.has("delayMs") ? b.get("delayMs").asInt(-1) : 0)))
          .post(BASE + "/extensions/{ext}/answer", (q, s) -> phone(s, () -> admin.answer(q.param("ext")), admin))
          .post(BASE + "/extensions/{ext}/decline", (q, s) -> phone(s, () -> admin.decline(q.param("ext")), admin))
          .post(BASE + "/extensions/{ext}/hangup", (q, s) -> phone(s, () -> admin.hangup(q.param("ext")), admin))
          .post(BASE + "/extensions/{ext}/dial", (q, s) -> body(q, s, b -> phoneResult(
              () -> admin.dial(q.param("ext"), text(b, "number", true)), admin)))
          .post(BASE + "/extensions/{ext}/dtmf", (q, s) -> body(q, s, b -> phoneResult(
              () -> admin.dtmf(q.param("ext"), text(b, "digits", true)), admin)))
          .get(BASE + "/calls", (q, s) -> json(s, admin::calls))
          .get(BASE + "/watchers", (q, s) -> json(s, admin::watchers))
          .get(BASE + "/ami/sessions", (q, s) -> json(s, admin::amiSessions))
          .get(BASE + "/ami/users/{name}", (q, s) -> json(s, () -> masked(admin.amiUser(q.param("name"))
              .orElseThrow(() -> new NoSuchElementException("no AMI user " + q.param("name"))))))
          .put(BASE + "/ami/users/{name}", (q, s) -> body(q, s, b -> {
            AmiUserConfig u = new AmiUserConfig(q.param("name"), text(b, "secret", true), list(b, "permit"),
                list(b, "read"), list(b, "write"));
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

  private static Map<String, Object> masked(AmiUserConfig u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", u.username());
    m.put("secret", "****");
    m.put("permit", u.permit());
    m.put("read", u.read());
    m.put("write", u.write());
    return m;
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + ": required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + ": a string is required");
    }
    return v.textValue();
  }

  private static List<String> list(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalArgumentException(field + ": an array of strings is required");
    }
    List<String> out = new java.util.ArrayList<>();
    v.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Publisher<Void> body(HttpServerRequest q, HttpServerResponse s, Function<JsonNode, Object> action) {
    return q.receive().aggregate().asString().defaultIfEmpty("").flatMap(text -> {
      JsonNode b;
      try {
        b = text.isBlank() ? null : JSON.readTree(text);
      } catch (JsonProcessingException e) {
        return Mono.from(error(s, 400, "body: invalid JSON: " + e.getOriginalMessage()));
      }
      if (b == null || !b.isObject()) {
        return Mono.from(error(s, 400, "body: a JSON object is required"));
      }
      return Mono.from(json(s, () -> action.apply(b)));
    });
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
