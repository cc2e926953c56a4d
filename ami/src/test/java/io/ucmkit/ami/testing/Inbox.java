package io.ucmkit.ami.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a client received, in wire order, filled by its reader thread and read by the test's thread.
 * A wait names a deadline and ends at the first match, at the deadline or when the connection
 * closed; a wait that ends without a match fails with what did arrive. No polling: the reader
 * notifies on every arrival.
 */
final class Inbox {

    private final boolean keepEvents;
    /** Everything kept, oldest first (without events when they are only counted). */
    private final List<Received> kept = new ArrayList<>();
    /** The first kept item the {@code next…} reads have not passed yet. */
    private int cursor;

    private long count;
    private long events;
    private boolean closed;
    /** Bytes after the last frame that made none (blank lines at the close), as text. */
    private String unframed = "";

    Inbox(boolean keepEvents) {
        this.keepEvents = keepEvents;
    }

    synchronized void add(Received received) {
        count++;
        if (received.isEvent()) {
            events++;
        }
        if (keepEvents || !received.isEvent() || received.isFailure()) {
            kept.add(received);
        }
        notifyAll();
    }

    /** The connection ended; {@code unframed} is the text of the bytes after the last frame that made none. */
    synchronized void close(String unframed) {
        this.unframed = unframed;
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Frames received, kept or not. */
    synchronized long count() {
        return count;
    }

    /** Events received, kept or not. */
    synchronized long events() {
        return events;
    }

    synchronized List<Received> all() {
        return List.copyOf(kept);
    }

    /** The kept items the cursor has passed, oldest first. */
    synchronized List<Received> passed() {
        return List.copyOf(kept.subList(0, cursor));
    }

    /** Moves the cursor past the first item from it that matches and returns that item; the items passed stay in {@link #all}. */
    synchronized Received next(Predicate<Received> matches, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (cursor < kept.size()) {
                Received received = kept.get(cursor++);
                if (matches.test(received)) {
                    return received;
                }
            }
            awaitMore(deadline, timeout, what);
        }
    }

    /** The first item, received so far or later, that matches; the cursor stays where it is. */
    synchronized Received find(Predicate<Received> matches, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int at = 0;
        while (true) {
            while (at < kept.size()) {
                Received received = kept.get(at++);
                if (matches.test(received)) {
                    return received;
                }
            }
            awaitMore(deadline, timeout, what);
        }
    }

    /**
     * Waits until something was kept after the cursor, or the connection closed with nothing more:
     * true in the first case, false in the second; fails at the deadline.
     */
    synchronized boolean awaitFirst(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (cursor >= kept.size()) {
            if (closed) {
                return false;
            }
            awaitMore(deadline, timeout, "frame");
        }
        return true;
    }

    /** Waits until the connection closed; false at the deadline. */
    synchronized boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitNanos(left);
        }
        return true;
    }

    /** The wire text of every item after the cursor and of the unframed bytes after them; the cursor passes them all. */
    synchronized String drainText() {
        StringBuilder text = new StringBuilder();
        for (Received received : kept.subList(cursor, kept.size())) {
            text.append(received.wire());
        }
        cursor = kept.size();
        text.append(unframed);
        unframed = "";
        return text.toString();
    }

    boolean keepsEvents() {
        return keepEvents;
    }

    private void awaitMore(long deadline, Duration timeout, String what) {
        long left = deadline - System.nanoTime();
        if (closed || left <= 0) {
            throw new AssertionError("no " + what + " within " + timeout.toMillis() + " ms"
                    + (closed ? " (the connection closed)" : "") + "; received: " + summary());
        }
        waitNanos(left);
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /** The last few items, for a failure message. */
    private String summary() {
        int from = Math.max(0, kept.size() - 20);
        StringBuilder text =
                new StringBuilder().append(count).append(" frame(s)").append(from > 0 ? ", the last 20:" : ":");
        for (Received received : kept.subList(from, kept.size())) {
            text.append("\n  ").append(received.frame());
        }
        return text.toString();
    }
}
