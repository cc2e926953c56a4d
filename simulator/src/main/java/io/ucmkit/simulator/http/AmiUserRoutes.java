package io.ucmkit.simulator.http;

import static io.ucmkit.simulator.http.BodyFields.list;
import static io.ucmkit.simulator.http.BodyFields.optionalText;
import static io.ucmkit.simulator.http.Responses.error;
import static io.ucmkit.simulator.http.Responses.json;
import static io.ucmkit.simulator.http.Responses.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.AmiUserInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The routes of the AMI side: the open sessions, and the AMI users read and saved with their secret masked
 * (a GET never shows a secret, and the masked value sent back keeps the saved one).
 */
final class AmiUserRoutes {

    private static final String SECRET = "1 to 64 characters without line breaks; \"****\" or none keeps the saved one";
    /** What a GET shows for a user's secret; sent back in a PUT, it keeps the saved secret. */
    private static final String SECRET_SHOWN = "****";

    private static final String PERMIT = "an array of ip/netmask such as 127.0.0.1/255.255.255.255";
    private static final String CLASSES = "an array of AMI classes such as call, system or all";

    private final Admin admin;

    AmiUserRoutes(Admin admin) {
        this.admin = admin;
    }

    List<Route> routes(String base) {
        return List.of(
                Route.of("GET", base + "/ami/sessions", (q, s) -> json(s, admin::amiSessions)),
                Route.of("GET", base + "/ami/users/{name}", (q, s) -> user(s, q.param("name"))),
                Route.withBody(
                        "PUT",
                        base + "/ami/users/{name}",
                        List.of("username", "secret", "permit", "read", "write"),
                        (q, s, body) -> json(s, () -> save(q.param("name"), body.get()))));
    }

    private Publisher<Void> user(HttpServerResponse s, String name) {
        return admin.amiUser(name)
                .map(u -> send(s, 200, masked(u)))
                .orElseGet(() -> error(s, 404, "no AMI user " + name, null, null));
    }

    private Map<String, Object> save(String name, JsonNode b) {
        String sentName = optionalText(b, "username", "the user's name as in the path");
        if (sentName != null && !sentName.equalsIgnoreCase(name)) {
            throw new BadRequest(
                    "username: '" + sentName + "' is not the user of the path, '" + name
                            + "' (a user is renamed by saving the new name and its secret)",
                    "username",
                    List.of(name));
        }
        AmiUserInfo u = new AmiUserInfo(
                name,
                secretToSave(b, name),
                list(b, "permit", PERMIT),
                list(b, "read", CLASSES),
                list(b, "write", CLASSES));
        admin.saveAmiUser(u);
        return masked(u);
    }

    /**
     * The secret a PUT saves. A GET shows {@link #SECRET_SHOWN} in its place, and a client that
     * PUTs the object it got back (what a UI's Save does, and the UCM's own GUI when the password
     * is left alone) means "unchanged": so {@code ****}, like an absent secret, keeps the stored
     * one, and only a new user must name one.
     */
    private String secretToSave(JsonNode body, String name) {
        String sent = optionalText(body, "secret", SECRET);
        if (sent != null && !sent.equals(SECRET_SHOWN)) {
            return sent;
        }
        return admin.amiUser(name)
                .map(AmiUserInfo::secret)
                .orElseThrow(() -> new BadRequest(
                        "secret is required for a new user ("
                                + (sent == null
                                        ? "none was sent"
                                        : "'" + SECRET_SHOWN + "' keeps an existing user's secret")
                                + "); allowed: " + SECRET,
                        "secret",
                        null));
    }

    private static Map<String, Object> masked(AmiUserInfo u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("secret", SECRET_SHOWN);
        m.put("permit", u.permit());
        m.put("read", u.read());
        m.put("write", u.write());
        return m;
    }
}
