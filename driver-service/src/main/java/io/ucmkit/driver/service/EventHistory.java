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

    /**
     * Events a resuming client can no longer get: those of this run with ids after its Last-Event-ID and before
     * {@code firstRetainedId}, {@code missed} of them, dropped from the bounded history. Sent to it first, as the
     * SSE event {@code HistoryGap} without an id (it is not a history entry, so the client's Last-Event-ID stays
     * its own). Events a previous run of the service had not delivered cannot be known and are not counted.
     */
    record Gap(long lastEventId, long firstRetainedId, long missed) {
        String sse() {
            String json = Json.write(Json.MAPPER
                    .createObjectNode()
                    .put("type", "HistoryGap")
                    .put("lastEventId", lastEventId)
                    .put("firstRetainedId", firstRetainedId)
                    .put("missed", missed));
            return "event: HistoryGap\ndata: " + json + "\n\n";
        }
    }

    /** What a subscriber gets before the live events: the gap, if any, then the retained entries it has not seen. */
    record Backlog(Gap gap, List<Entry> entries) {}

    private final int capacity;
    private final long firstId;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> listeners = new ArrayList<>();
    private long nextId;

    EventHistory(int capacity, long firstId) {
        this.capacity = capacity;
        this.firstId = firstId;
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

    /**
     * Registers a live listener and returns, atomically, the retained entries after {@code lastId} (-1: none) and
     * the gap before them when history no longer reaches back to {@code lastId}.
     */
    synchronized Backlog subscribe(long lastId, Consumer<Entry> listener) {
        listeners.add(listener);
        List<Entry> backlog = new ArrayList<>();
        if (lastId < 0) {
            return new Backlog(null, backlog);
        }
        for (Entry e : entries) {
            if (e.id > lastId) {
                backlog.add(e);
            }
        }
        long firstRetained = entries.isEmpty() ? nextId : entries.peekFirst().id;
        long firstWanted = Math.max(lastId + 1, firstId); // ids below firstId belong to an earlier run
        Gap gap = firstRetained > firstWanted ? new Gap(lastId, firstRetained, firstRetained - firstWanted) : null;
        return new Backlog(gap, backlog);
    }

    synchronized void unsubscribe(Consumer<Entry> listener) {
        listeners.remove(listener);
    }

    synchronized List<Entry> snapshot() {
        return List.copyOf(entries);
    }
}
