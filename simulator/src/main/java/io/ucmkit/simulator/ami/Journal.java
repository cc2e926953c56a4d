package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiHeaders;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.admin.JournalEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What clients sent (WireMock's request journal): every action received, with secrets masked
 * ({@link AmiHeaders#masked}) and whether a handler matched it. Bounded to the last 10,000 entries.
 *
 * <p>An entry's {@code outcome} is handled|refused|unknown|denied|invalid: refused is a Login the
 * server turned down. Its {@code reason} says why for every outcome but handled (null then); a
 * refused login's reason is what the client is never told (unknown user, wrong secret ...).
 */
public final class Journal {

    private static final int MAX = 10_000;
    private final Deque<JournalEntry> entries = new ArrayDeque<>();

    synchronized void record(Instant time, AmiSession session, AmiMessage request, String outcome, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (var h : request.headers()) {
            headers.merge(h.name(), AmiHeaders.masked(h.name(), h.value()), (a, b) -> a + "\n" + b);
        }
        entries.addLast(new JournalEntry(
                time.toString(), session.id(), session.username(), request.action(), headers, outcome, reason));
        if (entries.size() > MAX) {
            entries.removeFirst();
        }
    }

    public synchronized List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized void clear() {
        entries.clear();
    }
}
