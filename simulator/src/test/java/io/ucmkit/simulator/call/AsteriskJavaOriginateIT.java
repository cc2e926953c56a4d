package io.ucmkit.simulator.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ucmkit.simulator.admin.AnswerMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;

/** The incumbent Java client drives an originate through the simulated calls and sees what it expects. */
class AsteriskJavaOriginateIT {

    @Test
    void asteriskJavaOriginatesACallAndReceivesOriginateResponseDialEndAndHangup() throws Exception {
        try (SimulatedCalls server = new SimulatedCalls()) {
            server.admin().setAnswerMode("1000", AnswerMode.AUTO);
            server.admin().setAnswerMode("1001", AnswerMode.AUTO);
            ManagerConnection connection = new ManagerConnectionFactory(
                            "127.0.0.1", server.port(), SimulatedCalls.USER, SimulatedCalls.SECRET)
                    .createManagerConnection();
            List<ManagerEvent> events = new CopyOnWriteArrayList<>();
            connection.addEventListener(events::add);
            connection.login();
            try {
                OriginateAction originate = new OriginateAction();
                originate.setChannel("PJSIP/1000");
                originate.setContext("from-internal");
                originate.setExten("1001");
                originate.setPriority(1);
                originate.setCallerId("\"Front Desk\" <1000>");
                originate.setTimeout(30_000L);
                originate.setAsync(true);
                originate.setActionId("aj-1");
                ManagerResponse response = connection.sendAction(originate, 5_000);
                assertThat(response.getResponse()).isEqualTo("Success");
                assertThat(response.getMessage()).isEqualTo("Originate successfully queued");

                // auto answer is scheduled on the injected clock: let it run
                server.clock.advance(Duration.ofMillis(1));
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> events.stream()
                                .anyMatch(e -> e instanceof DialEndEvent d
                                        && "PJSIP/1001-00000001".equals(d.getDestChannel())));
                server.admin().hangup("1001");
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> events.stream()
                                        .filter(HangupEvent.class::isInstance)
                                        .count()
                                == 2);

                OriginateResponseEvent or = events.stream()
                        .filter(OriginateResponseEvent.class::isInstance)
                        .map(OriginateResponseEvent.class::cast)
                        .findFirst()
                        .orElseThrow();
                assertThat(or.getResponse()).isEqualTo("Success");
                assertThat(or.getReason()).isEqualTo(4);
                assertThat(or.getChannel()).isEqualTo("PJSIP/1000-00000000");
                assertThat(or.getCallerIdName()).isEqualTo("Front Desk");

                List<DialEndEvent> dialEnds = events.stream()
                        .filter(DialEndEvent.class::isInstance)
                        .map(DialEndEvent.class::cast)
                        .toList();
                assertThat(dialEnds).extracting(DialEndEvent::getDialStatus).containsExactly("ANSWER", "ANSWER");
                assertThat(dialEnds.get(1).getChannel()).isEqualTo("PJSIP/1000-00000000");

                List<HangupEvent> hangups = events.stream()
                        .filter(HangupEvent.class::isInstance)
                        .map(HangupEvent.class::cast)
                        .toList();
                assertThat(hangups)
                        .extracting(HangupEvent::getChannel)
                        .containsExactly("PJSIP/1001-00000001", "PJSIP/1000-00000000");
                assertThat(hangups).extracting(HangupEvent::getCause).containsExactly(16, 16);
                assertThat(hangups.get(0).getCauseTxt()).isEqualTo("Normal Clearing");
            } finally {
                connection.logoff();
            }
        }
    }
}
