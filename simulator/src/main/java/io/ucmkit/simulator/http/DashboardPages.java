package io.ucmkit.simulator.http;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The dashboard (docs/simulator.md §6): static HTML/CSS/JS from the classpath folder
 * {@code io/ucmkit/simulator/dashboard/}, served on the web port next to the control API.
 * {@code GET /} is {@code index.html}; {@code GET /<name>.<ext>} is an asset of that folder. Only
 * flat names of known types are looked up, so no request can reach outside the folder.
 */
public final class DashboardPages {

    private static final String FOLDER = "io/ucmkit/simulator/dashboard/";
    /** A flat file name: no slash, no leading dot, so {@code ..} and sub-folders never match. */
    private static final Pattern ASSET = Pattern.compile("/([a-z0-9][a-z0-9._-]*)\\.(html|css|js|svg|png|ico)");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    private static final Map<String, Optional<byte[]>> CACHE = new ConcurrentHashMap<>();

    private DashboardPages() {}

    /** Adds the dashboard to a route chain: every GET outside {@code /api/}. */
    public static HttpServerRoutes routes(HttpServerRoutes routes) {
        return routes.route(DashboardPages::handles, DashboardPages::serve);
    }

    /** A GET for a page or asset: anything not under {@code /api/} (which is the control API's). */
    public static boolean handles(HttpServerRequest request) {
        String path = path(request);
        return request.method().equals(HttpMethod.GET) && !path.equals("/api") && !path.startsWith("/api/");
    }

    public static Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        String path = path(request);
        String file = path.isEmpty() || path.equals("/") ? "index.html" : null;
        String type = "html";
        if (file == null) {
            Matcher m = ASSET.matcher(path);
            if (!m.matches()) {
                return notFound(response, path);
            }
            file = m.group(1) + "." + m.group(2);
            type = m.group(2);
        }
        Optional<byte[]> body = CACHE.computeIfAbsent(file, DashboardPages::load);
        if (body.isEmpty()) {
            return notFound(response, path);
        }
        return response.status(200)
                .header("Content-Type", TYPES.get(type))
                // the page is small and changes with the jar: always revalidate, never serve a stale script
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .sendByteArray(Mono.just(body.get()));
    }

    /** The raw (not percent-decoded) path of the request URI; encoded names never match {@link #ASSET}. */
    private static String path(HttpServerRequest request) {
        String uri = request.uri();
        int end = uri.length();
        for (char c : new char[] {'?', '#'}) {
            int i = uri.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return uri.substring(0, end);
    }

    private static Optional<byte[]> load(String file) {
        try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + file, e);
        }
    }

    private static Publisher<Void> notFound(HttpServerResponse response, String path) {
        return Responses.error(response, 404, "no dashboard page " + path, null, null);
    }
}
