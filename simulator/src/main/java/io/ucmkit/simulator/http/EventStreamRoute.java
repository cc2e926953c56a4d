package io.ucmkit.simulator.http;

import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.metrics.SimulatorMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The PBX's events as server-sent events: {@code id:} counts this stream's events from 1 (the simulator keeps
 * no history to resume from), {@code event: ami} names them all (the AMI event name is in the data, and one
 * name lets an EventSource listen to every event), and a comment heartbeat goes out every {@link #HEARTBEAT}.
 */
final class EventStreamRoute {

    /** A comment line on every event stream this often, so that proxies do not cut a quiet stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

    private final Admin admin;
    private final SimulatorMetrics metrics;
    private final Scheduler heartbeats;

    /** {@code heartbeats} is the heartbeat's clock (a test passes virtual time). */
    EventStreamRoute(Admin admin, SimulatorMetrics metrics, Scheduler heartbeats) {
        this.admin = admin;
        this.metrics = metrics;
        this.heartbeats = heartbeats;
    }

    Route route(String base) {
        return Route.of("GET", base + "/events", (q, s) -> stream(s));
    }

    private Publisher<Void> stream(HttpServerResponse s) {
        AtomicLong ids = new AtomicLong();
        Flux<String> events = Flux.<String>create(sink -> {
                    Admin.Subscription handle = admin.events(event -> sink.next(
                            "id: " + ids.incrementAndGet() + "\nevent: ami\ndata: " + Responses.write(event) + "\n\n"));
                    sink.onDispose(() -> {
                        try {
                            handle.close();
                        } catch (RuntimeException e) {
                            LOG.warn("closing an event stream's subscription failed", e);
                        }
                    });
                })
                .onBackpressureBuffer(10_000);
        // merge subscribes in order: the PBX's events first, so the greeting tells a client (HttpAdmin waits for
        // it) that no event from then on is missed
        Flux<String> stream = Flux.merge(
                        events,
                        Flux.just(": ucmkit simulator events\n\n"),
                        Flux.interval(HEARTBEAT, HEARTBEAT, heartbeats).map(i -> ": heartbeat\n\n"))
                .doOnSubscribe(sub -> metrics.sseClients().incrementAndGet())
                .doFinally(signal -> metrics.sseClients().decrementAndGet());
        return s.sse().sendString(stream);
    }
}
