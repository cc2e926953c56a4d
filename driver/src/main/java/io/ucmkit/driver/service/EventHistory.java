package io.ucmkit.driver.service;

import io.ucmkit.driver.DriverEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last {@code capacity} events with ids, for server-sent events resumable with {@code Last-Event-ID}.
 * Ids start at the service's start time in microseconds and then count up, so they keep growing across a
 * restart of the service and a client's old Last-Event-ID never skips new events.
 */
final class EventHistory {

    record Entry(long id, String type, String json) {
        String sse() {
            return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
        }
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new ArrayList<>();
    private long nextId;

    EventHistory(int capacity, long firstId) {
        this.capacity = capacity;
        this.nextId = firstId;
    }

    synchronized Entry append(DriverEvent event) {
        Entry e = new Entry(nextId++, event.type(), Json.write(Json.event(event)));
        entries.addLast(e);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        for (Consumer<Entry> l : List.copyOf(listeners)) {
            l.accept(e);
        }
        return e;
    }

    /** Registers a live listener and returns, atomically, the retained entries after {@code lastId} (-1: none). */
    synchronized List<Entry> subscribe(long lastId, Consumer<Entry> listener) {
        listeners.add(listener);
        List<Entry> backlog = new ArrayList<>();
        if (lastId >= 0) {
            for (Entry e : entries) {
                if (e.id > lastId) {
                    backlog.add(e);
                }
            }
        }
        return backlog;
    }

    synchronized void unsubscribe(Consumer<Entry> listener) {
        listeners.remove(listener);
    }

    synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }
}
