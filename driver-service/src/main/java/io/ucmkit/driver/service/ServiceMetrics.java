package io.ucmkit.driver.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ucmkit.driver.DriverObserver;
import io.ucmkit.driver.SystemAsset;
import io.ucmkit.driver.UcmDriver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver service's Prometheus metrics ({@code GET /metrics} on the dataserver): what the driver reports
 * through {@link DriverObserver}, the state it shows (bound with {@link #bind}), and what the HTTP servers count
 * themselves (requests, SSE clients). Tags take only bounded values: outcomes, action names, asset states and
 * route templates, never a free-text reason.
 */
final class ServiceMetrics implements DriverObserver {

    /** The states the System Asset can show, each its own 0/1 series. */
    static final List<String> ASSET_STATES = List.of("Normal", "Masked", "Fault", "Acknowledged", "No Communication");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean everConnected = new AtomicBoolean();
    private final AtomicInteger eventClients = new AtomicInteger();
    private final AtomicInteger logClients = new AtomicInteger();
    private final Counter connects;
    private final Counter reconnects;
    private final Counter disconnects;
    private final Counter amiEventsIn;
    private final Counter eventsOut;
    private final Counter eventsDropped;
    private final Counter malformed;

    ServiceMetrics() {
        connects = counter("ucmkit.driver.ami.connects", "TCP connections opened to the PBX");
        reconnects =
                counter("ucmkit.driver.ami.reconnects", "connections opened after the first one (each is a reconnect)");
        disconnects = counter("ucmkit.driver.ami.disconnects", "connections to the PBX lost or closed");
        amiEventsIn = counter("ucmkit.driver.ami.events.received", "AMI events received from the PBX");
        eventsOut = counter("ucmkit.driver.events.delivered", "driver events delivered to subscribers");
        eventsDropped =
                counter("ucmkit.driver.events.dropped", "events not delivered because a subscriber's queue was full");
        malformed = counter(
                "ucmkit.driver.ami.malformed",
                "messages from the PBX that could not be decoded or made no sense (skipped)");
        for (LoginOutcome o : LoginOutcome.values()) {
            loginCounter(o); // every outcome shows from the start, at 0, so a rate over it has a series
        }
        sseClients("events", eventClients);
        sseClients("logs", logClients);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private void sseClients(String stream, AtomicInteger clients) {
        Gauge.builder("ucmkit.driver.sse.clients", clients, AtomicInteger::get)
                .tag("stream", stream)
                .description("open server-sent-event streams")
                .register(registry);
    }

    /** Gauges read from the driver at each scrape: logged in or not, and which state the asset shows. */
    void bind(UcmDriver driver) {
        Gauge.builder("ucmkit.driver.ami.session", driver, d -> d.isConnected() ? 1 : 0)
                .description("1 while a logged-in AMI session is up")
                .register(registry);
        for (String state : ASSET_STATES) {
            Gauge.builder(
                            "ucmkit.driver.asset.state",
                            driver,
                            d -> state.equals(d.asset().state()) ? 1 : 0)
                    .tag("state", state)
                    .description("1 for the state the System Asset shows")
                    .register(registry);
        }
        Gauge.builder(
                        "ucmkit.driver.asset.no.communication",
                        driver,
                        d -> d.asset().trueState() == SystemAsset.TrueState.NO_COMMUNICATION ? 1 : 0)
                .description("1 while the asset's true state is No Communication")
                .register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    AtomicInteger sseClients(String stream) {
        return "logs".equals(stream) ? logClients : eventClients;
    }

    /** One HTTP request answered; {@code route} is the route template (bounded), not the request path. */
    void httpRequest(String server, String route, int status) {
        Counter.builder("ucmkit.driver.http.requests")
                .tag("server", server)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .description("HTTP requests answered")
                .register(registry)
                .increment();
    }

    @Override
    public void connected() {
        connects.increment();
        if (!everConnected.compareAndSet(false, true)) {
            reconnects.increment();
        }
    }

    @Override
    public void disconnected(String reason) {
        disconnects.increment();
    }

    @Override
    public void login(LoginOutcome outcome) {
        loginCounter(outcome).increment();
    }

    private Counter loginCounter(LoginOutcome outcome) {
        return Counter.builder("ucmkit.driver.ami.logins")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Login attempts by outcome")
                .register(registry);
    }

    @Override
    public void action(String action, ActionOutcome outcome, Duration latency) {
        Timer.builder("ucmkit.driver.ami.actions")
                .tag("action", action == null ? "" : action)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("AMI actions sent, by name and outcome, with the time to their response")
                .register(registry)
                .record(latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void eventReceived() {
        amiEventsIn.increment();
    }

    @Override
    public void eventDelivered() {
        eventsOut.increment();
    }

    @Override
    public void eventDropped(String reason) {
        eventsDropped.increment();
    }

    @Override
    public void malformedMessage(String reason) {
        malformed.increment();
    }

    @Override
    public void assetState(String state) {
        Counter.builder("ucmkit.driver.asset.state.changes")
                .tag("state", state)
                .description("times the System Asset started showing this state")
                .register(registry)
                .increment();
    }
}
