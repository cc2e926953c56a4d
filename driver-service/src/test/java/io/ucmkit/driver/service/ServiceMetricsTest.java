package io.ucmkit.driver.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.ucmkit.driver.DriverObserver.ActionOutcome;
import io.ucmkit.driver.DriverObserver.LoginOutcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ServiceMetrics as the driver calls it (DriverObserver): each observer call moves its meter, and only its own. */
class ServiceMetricsTest {

    private final ServiceMetrics metrics = new ServiceMetrics();

    private double counter(String name, String... tags) {
        return metrics.registry().get(name).tags(tags).counter().count();
    }

    @Test
    void everyLoginOutcomeHasASeriesFromTheStartAndCountsItsOwn() {
        assertThat(counter("ucmkit.driver.ami.logins", "outcome", "accepted")).isZero();
        assertThat(counter("ucmkit.driver.ami.logins", "outcome", "failed")).isZero();

        metrics.login(LoginOutcome.REFUSED);
        metrics.login(LoginOutcome.REFUSED);
        metrics.login(LoginOutcome.ACCEPTED);

        assertThat(counter("ucmkit.driver.ami.logins", "outcome", "refused")).isEqualTo(2);
        assertThat(counter("ucmkit.driver.ami.logins", "outcome", "accepted")).isEqualTo(1);
        assertThat(counter("ucmkit.driver.ami.logins", "outcome", "failed")).isZero();
    }

    @Test
    void theFirstConnectIsNotAReconnect() {
        metrics.connected();
        metrics.disconnected("connection reset");
        metrics.connected();
        metrics.connected();

        assertThat(counter("ucmkit.driver.ami.connects")).isEqualTo(3);
        assertThat(counter("ucmkit.driver.ami.reconnects")).isEqualTo(2);
        assertThat(counter("ucmkit.driver.ami.disconnects")).isEqualTo(1);
    }

    @Test
    void actionsAreTimedByNameAndOutcome() {
        metrics.action("Originate", ActionOutcome.SUCCESS, Duration.ofMillis(40));
        metrics.action("Originate", ActionOutcome.SUCCESS, Duration.ofMillis(60));
        metrics.action("Originate", ActionOutcome.TIMEOUT, Duration.ofSeconds(10));
        metrics.action("Ping", ActionOutcome.ERROR, Duration.ofMillis(1));

        Timer ok = metrics.registry()
                .get("ucmkit.driver.ami.actions")
                .tags("action", "Originate", "outcome", "success")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
        assertThat(metrics.registry()
                        .get("ucmkit.driver.ami.actions")
                        .tags("action", "Originate", "outcome", "timeout")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.registry()
                        .get("ucmkit.driver.ami.actions")
                        .tags("action", "Ping", "outcome", "error")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void eventsInOutDroppedMalformedAndAssetChangesAreCounted() {
        metrics.eventReceived();
        metrics.eventReceived();
        metrics.eventDelivered();
        metrics.eventDropped("subscriber queue full");
        metrics.malformedMessage("line too long");
        metrics.assetState("Fault");
        metrics.assetState("Normal");
        metrics.assetState("Fault");

        assertThat(counter("ucmkit.driver.ami.events.received")).isEqualTo(2);
        assertThat(counter("ucmkit.driver.events.delivered")).isEqualTo(1);
        assertThat(counter("ucmkit.driver.events.dropped")).isEqualTo(1);
        assertThat(counter("ucmkit.driver.ami.malformed")).isEqualTo(1);
        assertThat(counter("ucmkit.driver.asset.state.changes", "state", "Fault"))
                .isEqualTo(2);
        assertThat(counter("ucmkit.driver.asset.state.changes", "state", "Normal"))
                .isEqualTo(1);
    }

    @Test
    void theScrapeIsPrometheusTextWithTheCountersNames() {
        metrics.eventReceived();
        metrics.sseClients("events").incrementAndGet();

        String text = metrics.scrape();

        assertThat(text)
                .contains("# TYPE ucmkit_driver_ami_events_received_total counter")
                .contains("ucmkit_driver_ami_events_received_total 1.0")
                .contains("ucmkit_driver_sse_clients{stream=\"events\"} 1.0")
                .contains("ucmkit_driver_sse_clients{stream=\"logs\"} 0.0");
    }
}
