package io.ucmkit.simulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private final List<String> data = new ArrayList<>();
    private final EventStream stream = new EventStream(data::add);
    private final RecordingSubscription subscription = new RecordingSubscription();

    @Test
    void only_data_lines_reach_the_listener_and_the_first_line_opens_the_stream() {
        stream.onSubscribe(subscription);
        assertThat(stream.opened()).isNotDone();

        List.of(": ucmkit simulator events", "", "id: 1", "event: ami", "data: {\"event\":\"X\"}", "", ": heartbeat")
                .forEach(stream::onNext);

        assertThat(stream.opened()).isCompleted();
        assertThat(data).containsExactly("{\"event\":\"X\"}");
        assertThat(subscription.requested).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_failing_listener_does_not_end_the_stream() {
        List<String> seen = new ArrayList<>();
        EventStream failing = new EventStream(line -> {
            seen.add(line);
            throw new IllegalStateException("listener bug");
        });
        failing.onSubscribe(subscription);

        failing.onNext("data: 1");
        failing.onNext("data: 2");

        assertThat(seen).containsExactly("1", "2");
        assertThat(subscription.cancelled).isFalse();
    }

    @Test
    void closing_cancels_the_body() {
        stream.onSubscribe(subscription);

        stream.close();

        assertThat(subscription.cancelled).isTrue();
    }

    @Test
    void a_stream_closed_before_the_response_came_cancels_it_when_it_comes() {
        stream.close();

        stream.onSubscribe(subscription);

        assertThat(subscription.cancelled).isTrue();
        assertThat(subscription.requested).isZero();
    }

    @Test
    void a_stream_that_ends_before_its_first_line_never_opens() {
        stream.onSubscribe(subscription);

        stream.onComplete();

        assertThat(stream.opened()).isCompletedExceptionally();
    }

    private static final class RecordingSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
