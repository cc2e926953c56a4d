package io.ucmkit.driver;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers items to subscribers in the order they were offered, on one thread, through a bounded queue. The
 * network thread never blocks on a slow subscriber: when the queue is full the item is dropped, counted, logged
 * and reported (asset {@code droppedEvents}) — unlike asterisk-java's silently dropping queue.
 */
final class EventDispatcher<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final Object STOP = new Object();

    private final BlockingQueue<Object> queue;
    private final List<Consumer<? super T>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final LongConsumer onDrop;
    private final Runnable onDelivered;
    private final Thread thread;
    private final String name;
    private final int capacity;
    /** The most items the queue held at once, sampled (exact when it was full): the figure that shows the bound held. */
    private volatile int peak;
    /** Offers that were queued, for sampling the peak (mostly the event loop; a racing operator command only skews the sample). */
    private long offers;

    EventDispatcher(String name, int capacity, LongConsumer onDrop) {
        this(name, capacity, onDrop, () -> {});
    }

    /** {@code onDelivered} runs on the delivery thread after each item was handed to every subscriber. */
    EventDispatcher(String name, int capacity, LongConsumer onDrop, Runnable onDelivered) {
        this.name = name;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onDrop = onDrop;
        this.onDelivered = onDelivered;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    Runnable subscribe(Consumer<? super T> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    void offer(T item) {
        if (queue.offer(item)) {
            // size() takes the queue's lock: sampled on 1 offer in 64, not paid on every event.
            if ((++offers & 63) == 0) {
                int size = queue.size();
                if (size > peak) {
                    peak = size; // events come from the one event loop; a racing operator command only under-reports
                }
            }
        } else {
            peak = capacity; // full: the exact peak, whatever the sampling saw
            long n = dropped.incrementAndGet();
            onDrop.accept(n);
            // Log the first and then every power of two, so a storm is visible without flooding the log.
            if (Long.bitCount(n) == 1) {
                log.warn(
                        "{}: subscribers too slow, event queue full ({} items): {} events dropped so far",
                        name,
                        queue.size(),
                        n);
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    int capacity() {
        return capacity;
    }

    int peak() {
        return peak;
    }

    @SuppressWarnings("unchecked")
    private void run() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == STOP) {
                    return;
                }
                for (Consumer<? super T> s : subscribers) {
                    try {
                        s.accept((T) item);
                    } catch (RuntimeException e) {
                        log.warn("{}: a subscriber failed on {}: {}", name, item, e.toString());
                    }
                }
                onDelivered.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(STOP);
    }
}
