package io.ucmkit.simulator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.ami.AmiObserver;
import io.ucmkit.simulator.ami.AmiServer;
import io.ucmkit.simulator.ami.AmiSession;
import io.ucmkit.simulator.config.Privileges;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's Prometheus metrics, one registry per {@code UcmSimulator}, served on the
 * web port at {@code GET /metrics}: AMI sessions, logins by outcome and reason, actions by name and outcome with
 * their latency, events sent, SSE clients and HTTP requests. Logins are read from the security events the AMI
 * server publishes anyway (SuccessfulAuth, InvalidPassword, ...), so the login code carries no metrics call;
 * actions and events come from {@link io.ucmkit.simulator.ami.AmiTrafficMeter} on each connection.
 */
public final class SimulatorMetrics implements AmiObserver, AutoCloseable {

    /** Security event of a refused AMI login → the {@code reason} tag. */
    private static final Map<String, String> REFUSALS = Map.of(
            "InvalidAccountID", "unknown_user",
            "FailedACL", "ip_not_permitted",
            "InvalidPassword", "wrong_secret",
            "ChallengeResponseFailed", "wrong_key");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger sseClients = new AtomicInteger();
    private final Counter eventsSent;
    private AutoCloseable loginSubscription = () -> {};

    public SimulatorMetrics() {
        eventsSent = Counter.builder("ucmkit.simulator.ami.events.sent")
                .description("AMI events written to clients (list items of an action's answer not included)")
                .register(registry);
        Gauge.builder("ucmkit.simulator.sse.clients", sseClients, AtomicInteger::get)
                .description("open /api/v1/events streams")
                .register(registry);
        login("accepted", "none");
        REFUSALS.values().forEach(reason -> login("refused", reason)); // every series from the start, at 0
    }

    /** Session gauges read from {@code ami} at each scrape; logins counted from its security events. */
    public void bind(AmiServer ami) {
        Gauge.builder(
                        "ucmkit.simulator.ami.sessions",
                        ami,
                        a -> a.sessions().stream()
                                .filter(AmiSession::authenticated)
                                .count())
                .tag("state", "authenticated")
                .description("open AMI connections")
                .register(registry);
        Gauge.builder(
                        "ucmkit.simulator.ami.sessions",
                        ami,
                        a -> a.sessions().stream()
                                .filter(s -> !s.authenticated())
                                .count())
                .tag("state", "unauthenticated")
                .description("open AMI connections")
                .register(registry);
        loginSubscription = ami.pbx().events().subscribe(this::securityEvent);
    }

    private void securityEvent(AmiMessage event, int privilege) {
        if ((privilege & Privileges.SECURITY) == 0 || !"AMI".equals(event.get("Service"))) {
            return;
        }
        String name = event.eventName();
        if ("SuccessfulAuth".equals(name)) {
            login("accepted", "none").increment();
        } else if (REFUSALS.containsKey(name)) {
            login("refused", REFUSALS.get(name)).increment();
        }
    }

    private Counter login(String outcome, String reason) {
        return Counter.builder("ucmkit.simulator.ami.logins")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .description("AMI Login attempts by outcome and reason")
                .register(registry);
    }

    @Override
    public void actionAnswered(String action, String response, Duration latency) {
        Timer.builder("ucmkit.simulator.ami.actions")
                .tag("action", action)
                .tag("outcome", response)
                .description("AMI actions answered, by name and Response, with the time from arrival to answer")
                .register(registry)
                .record(latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void eventSent() {
        eventsSent.increment();
    }

    /** Open SSE streams; the control API counts them up and down. */
    public AtomicInteger sseClients() {
        return sseClients;
    }

    /** One HTTP request answered; {@code route} is a route template or "unmatched", never the raw path. */
    public void httpRequest(String route, int status) {
        Counter.builder("ucmkit.simulator.http.requests")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .description("HTTP requests answered on the web port")
                .register(registry)
                .increment();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        try {
            loginSubscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("unsubscribing the login meter failed", e);
        }
    }
}
