package io.ucmkit.driver.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Sends a server-sent-event stream with a comment heartbeat every {@link #HEARTBEAT}: proxies and load
 * balancers cut a connection that stays idle (often after 30–60 s), and a quiet PBX can send nothing for
 * hours. The heartbeat's clock is the given scheduler, so a test can drive it with virtual time.
 */
final class Sse {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final String HEARTBEAT_LINE = ": heartbeat\n\n";

    private Sse() {}

    /** Sends {@code frames} (complete SSE frames) and heartbeats; {@code clients} counts open streams. */
    static Publisher<Void> send(
            HttpServerResponse res, Flux<String> frames, Scheduler heartbeats, AtomicInteger clients) {
        Flux<String> stream = Flux.merge(
                        frames, Flux.interval(HEARTBEAT, HEARTBEAT, heartbeats).map(i -> HEARTBEAT_LINE))
                .doOnSubscribe(s -> clients.incrementAndGet())
                .doFinally(s -> clients.decrementAndGet());
        return res.sse()
                .send(stream.map(s -> res.alloc().buffer().writeBytes(s.getBytes(StandardCharsets.UTF_8))), b -> true);
    }
}
