package io.ucmkit.features.phones;

import io.ucmkit.features.wire.Target;
import io.ucmkit.features.wire.WireMessage;
import io.ucmkit.features.wire.WireView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Who is spying on whom right now, as the PBX announces it: ChanSpyStart and ChanSpyStop
 * (class "call") on an AMI session of its own, open for the run. A ChanSpy that runs but has not
 * found the channel to spy on yet (it waits for one) is not spying: only ChanSpyStart says it is.
 */
final class SpyWatch implements AutoCloseable {

    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final Target target;
    private WireView events;

    SpyWatch(Target target) {
        this.target = target;
        events = connect(target);
    }

    /** A session that announces "call" events; a new one after the PBX restarted (what happened meanwhile is over). */
    private static WireView connect(Target target) {
        try {
            WireView events = WireView.connect(target.host(), target.port());
            events.banner(ANSWER);
            events.sendMessage("Action: Login\nActionID: ucmkit-spywatch\nUsername: " + target.username() + "\nSecret: "
                    + target.password() + "\nEvents: call");
            WireMessage answer = events.nextResponse(ANSWER);
            if (!"Success".equalsIgnoreCase(answer.get("Response"))) {
                throw new IllegalStateException("login for ChanSpy events failed: " + answer);
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("AMI at " + target + " unreachable", e);
        } catch (Exception e) {
            throw new IllegalStateException("AMI at " + target + ": " + e, e);
        }
    }

    /** Whether a channel of {@code spyer} is spying on a channel of {@code spied} now. */
    synchronized boolean spying(String spyer, String spied) {
        if (events.isClosedByPeer()) {
            events = connect(target);
        }
        Map<String, String> spies = new HashMap<>(); // spyer channel -> spyee channel
        for (WireMessage event : events.events()) {
            String name = event.get("Event");
            if ("ChanSpyStart".equalsIgnoreCase(name)) {
                spies.put(event.get("SpyerChannel"), event.get("SpyeeChannel"));
            } else if ("ChanSpyStop".equalsIgnoreCase(name)) {
                spies.remove(event.get("SpyerChannel"));
            }
        }
        return spies.entrySet().stream()
                .anyMatch(s -> s.getKey() != null
                        && s.getValue() != null
                        && s.getKey().startsWith("PJSIP/" + spyer + "-")
                        && s.getValue().startsWith("PJSIP/" + spied + "-"));
    }

    @Override
    public synchronized void close() {
        try {
            events.close();
        } catch (IOException ignored) {
            // the session ends with the run
        }
    }
}
