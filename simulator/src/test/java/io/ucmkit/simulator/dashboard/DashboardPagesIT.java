package io.ucmkit.simulator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ucmkit.simulator.UcmSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files over HTTP on the web port: types, unknown names, and no way out of its folder. */
class DashboardPagesIT {

    private static UcmSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sim = UcmSimulator.builder()
                .amiPort(0)
                .webPort(0)
                .authFailureDelay(Duration.ZERO)
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.webPort() + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_page_and_its_assets_are_served_with_their_types() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>UCM6XXX simulator", "dashboard.css", "dashboard.js");

        HttpResponse<String> index = get("/index.html?x=1");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo(page.body());

        HttpResponse<String> css = get("/dashboard.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");

        HttpResponse<String> js = get("/dashboard.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(js.body()).contains("new EventSource(API + '/events')");
    }

    @Test
    void unknown_names_are_not_found_and_the_api_still_answers_json() throws Exception {
        assertThat(get("/nothing.js").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard.txt").statusCode()).isEqualTo(404);
        assertThat(get("/dashboard/").statusCode()).isEqualTo(404);
        assertThat(get("/default-pbx.yaml").statusCode()).isEqualTo(404);
        HttpResponse<String> api = get("/api/v1/extensions/1000");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get("/api/v1/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void paths_leaving_the_dashboard_folder_are_not_found() throws Exception {
        // sent raw: an HTTP client would normalise these paths before sending them
        assertThat(rawStatus("/../default-pbx.yaml")).isEqualTo(404);
        assertThat(rawStatus("/..%2fdefault-pbx.yaml")).isEqualTo(404);
        assertThat(rawStatus("/%2e%2e/logback.xml")).isEqualTo(404);
        assertThat(rawStatus("/../../io/ucmkit/simulator/dashboard/index.html")).isEqualTo(404);
        assertThat(rawStatus("/.hidden.js")).isEqualTo(404);
        assertThat(rawStatus("/dashboard.js")).isEqualTo(200);
    }

    private int rawStatus(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", sim.webPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String statusLine = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("");
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
