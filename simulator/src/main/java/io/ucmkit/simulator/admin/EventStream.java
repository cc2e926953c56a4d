package io.ucmkit.simulator.admin;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API's server-sent event stream, read line by line: each {@code data:} line is one
 * event's JSON; {@code id:}, {@code event:} and comment lines (the greeting and heartbeats) carry
 * nothing {@link HttpAdmin} needs. The control API subscribes the stream to the PBX's events
 * before it sends anything, so the first line (the greeting) means no later event is missed.
 * Closing cancels the HTTP body, which ends the server's subscription.
 */
final class EventStream implements Flow.Subscriber<String>, Admin.Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final String DATA = "data:";

    private final Consumer<String> data;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();

    EventStream(Consumer<String> data) {
        this.data = data;
    }

    /** Completes at the first line; fails if the stream ends or fails before. */
    CompletableFuture<Void> opened() {
        return opened;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.complete(s)) {
            s.cancel(); // closed before the response came
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        opened.complete(null);
        if (line.startsWith(DATA)) {
            try {
                data.accept(line.substring(DATA.length()).strip());
            } catch (RuntimeException e) {
                // logged, and the stream goes on: one bad event must not silence the ones after it
                LOG.warn("an event listener failed", e);
            }
        }
    }

    @Override
    public void onError(Throwable e) {
        opened.completeExceptionally(e);
    }

    @Override
    public void onComplete() {
        opened.completeExceptionally(new IllegalStateException("the event stream ended"));
    }

    @Override
    public void close() {
        subscription.thenAccept(Flow.Subscription::cancel);
        subscription.completeExceptionally(new IllegalStateException("closed")); // before subscribing: never will
    }
}
