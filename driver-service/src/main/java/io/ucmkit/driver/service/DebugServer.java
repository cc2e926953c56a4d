package io.ucmkit.driver.service;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.util.concurrent.Queues;

/** Debug tools (default port 9690): {@code GET /logs} streams log records (SSE), {@code GET /} is a log page. */
final class DebugServer implements AutoCloseable {

    private static final String PAGE = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>ucmkit driver — log</title>
            <style>body{font:13px monospace;margin:0}header{padding:6px 10px;background:#223;color:#fff}
            #log div{padding:1px 10px;white-space:pre-wrap;border-bottom:1px solid #eee}
            .WARN{background:#fff6d6}.ERROR{background:#ffe0e0}.DEBUG{color:#777}</style></head>
            <body><header>ucmkit driver — live log (secrets masked)</header><div id="log"></div>
            <script>
            const log = document.getElementById('log');
            const es = new EventSource('/logs');
            es.addEventListener('log', m => { const r = JSON.parse(m.data); const d = document.createElement('div');
              d.className = r.level; d.textContent = r.time + ' ' + r.level + ' ' + r.logger.replace(/.*\\./,'')
              + ' - ' + r.message; log.appendChild(d); if (log.children.length > 2000) log.firstChild.remove();
              window.scrollTo(0, document.body.scrollHeight); });
            </script></body></html>
            """;

    private final RouteTable routes;
    private final DisposableServer server;

    DebugServer(LogHub hub, String bind, int port, ServiceMetrics metrics, Scheduler heartbeats) {
        routes = new RouteTable(
                List.of(
                        Route.get(
                                "/",
                                (req, res) -> res.header(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=utf-8")
                                        .sendString(Mono.just(PAGE))),
                        Route.get("/logs", (req, res) -> {
                            Sinks.Many<LogHub.Line> sink = Sinks.many()
                                    .unicast()
                                    .onBackpressureBuffer(
                                            Queues.<LogHub.Line>get(4096).get());
                            Consumer<LogHub.Line> listener = l -> {
                                if (sink.tryEmitNext(l) == Sinks.EmitResult.FAIL_OVERFLOW) {
                                    sink.tryEmitError(new IllegalStateException("log client too slow"));
                                }
                            };
                            var backlog = hub.subscribe(listener);
                            Flux<String> stream = Flux.concat(Flux.fromIterable(backlog), sink.asFlux())
                                    .map(l -> "id: " + l.id() + "\nevent: log\ndata: " + l.json() + "\n\n")
                                    .doFinally(s -> hub.unsubscribe(listener));
                            return Sse.send(res, stream, heartbeats, metrics.sseClients("logs"));
                        })),
                (route, status) -> metrics.httpRequest("debug", route, status));
        server = HttpServer.create()
                .host(bind)
                .port(port)
                .route(routes::register)
                .bindNow(Duration.ofSeconds(10));
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
