package io.ucmkit.driver;

import io.netty.channel.EventLoop;
import io.ucmkit.ami.AmiDecodeFailure;
import io.ucmkit.ami.AmiHeaders;
import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions sent on one connection and not answered yet, matched by ActionID (Lettuce's {@code CommandHandler}
 * keeps a stack; AMI has ActionID, so a map). An action is registered before it is written and completed exactly
 * once: by its answer (a list's items collected up to its Complete), at its deadline, when its write or its answer
 * fails, or when the connection ends. Nothing is resent.
 *
 * <p>Thread: registered on the sending thread; answered, expired and failed on the connection's event loop. The map
 * is concurrent and an action is completed only by whoever removes it from the map.
 */
final class PendingActions {

    /** The connection's log: an operator follows one AMI session under one logger name, as before this split. */
    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final Map<String, PendingAction> pending = new ConcurrentHashMap<>();
    private final DriverObserver observer;
    private final RateLimitedWarning unsolicitedWarning = new RateLimitedWarning(1, TimeUnit.SECONDS, System::nanoTime);
    /** Written on the event loop only; read anywhere. */
    private volatile long lateResponses;

    PendingActions(DriverObserver observer) {
        this.observer = observer;
    }

    int size() {
        return pending.size();
    }

    long lateResponses() {
        return lateResponses;
    }

    /** Reports {@code p}'s outcome and latency to the observer, however it ends. Before it is registered. */
    void observe(PendingAction p) {
        long sent = System.nanoTime();
        p.future.whenComplete(
                (r, e) -> observer.action(p.action, outcome(r, e), Duration.ofNanos(System.nanoTime() - sent)));
    }

    private static DriverObserver.ActionOutcome outcome(AmiResponse r, Throwable e) {
        if (e == null) {
            return r.isSuccess() ? DriverObserver.ActionOutcome.SUCCESS : DriverObserver.ActionOutcome.ERROR;
        }
        DriverException d = DriverException.unwrap(e);
        if (d == null) {
            return DriverObserver.ActionOutcome.ERROR;
        }
        return switch (d.kind()) {
            case TIMEOUT -> DriverObserver.ActionOutcome.TIMEOUT;
            case CONNECTION_LOST, NOT_CONNECTED -> DriverObserver.ActionOutcome.DISCONNECTED;
            default -> DriverObserver.ActionOutcome.ERROR;
        };
    }

    /** Registers {@code p} with its deadline on {@code loop}, before it is written. */
    void register(PendingAction p, EventLoop loop, Duration timeout) {
        pending.put(p.actionId, p);
        p.deadline = loop.schedule(
                () -> fail(
                        p,
                        new DriverException(
                                DriverException.Kind.TIMEOUT,
                                p.action + " got no response within " + timeout.toMillis() + " ms")),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Fails {@code p} unless it was completed already. */
    void fail(PendingAction p, DriverException why) {
        if (pending.remove(p.actionId, p)) {
            p.cancelDeadline();
            p.future.completeExceptionally(why);
        }
    }

    /** A {@code Response:}: completes its action, or begins its list (docs/ami.md §1.5); a response nobody awaits is counted. */
    void response(AmiMessage m) {
        String id = m.actionId();
        PendingAction p = id == null ? null : pending.get(id);
        if (p == null) {
            lateResponses++;
            observer.malformedMessage("response to no pending action");
            long held = unsolicitedWarning.tryAcquire();
            if (held >= 0) {
                log.warn(
                        "response without a pending action (ActionID {}, late after its deadline?), skipped{}: {}",
                        id,
                        held == 0 ? "" : " (" + held + " more since the last warning, not logged)",
                        m);
            }
            return;
        }
        if ("start".equalsIgnoreCase(m.get(AmiHeaders.EVENT_LIST)) && "Success".equalsIgnoreCase(m.response())) {
            p.startList(m);
            return;
        }
        complete(p, new AmiResponse(m, List.of(), null));
    }

    /**
     * An event with an ActionID: consumed (true) when it is an item or the Complete of one of our pending lists. An
     * OriginateResponse carries the ActionID of an action already answered (ours or another client's, surprise 11)
     * and is an event like any other (false).
     */
    boolean listEvent(AmiMessage m, String id) {
        PendingAction p = pending.get(id);
        if (p == null || !p.isCollectingList()) {
            return false;
        }
        if ("Complete".equalsIgnoreCase(m.get(AmiHeaders.EVENT_LIST))) {
            if (p.overflowed()) {
                listTooLong(p);
            } else {
                complete(p, p.finishList(m));
            }
        } else {
            p.addItem(m);
        }
        return true;
    }

    /** An answer that could not be decoded fails its action, when its ActionID could be read. */
    void undecodable(AmiDecodeFailure f) {
        AmiMessage partial = f.partial();
        String id = partial == null ? null : partial.actionId();
        PendingAction p = id == null ? null : pending.get(id);
        if (p != null) {
            fail(
                    p,
                    new DriverException(
                            DriverException.Kind.ACTION_FAILED,
                            p.action + ": the PBX's answer could not be decoded (" + f.reason() + ")"));
        }
    }

    /** The connection ended: every action still waiting fails. */
    void failAll(String reason) {
        for (PendingAction p : pending.values()) {
            fail(
                    p,
                    new DriverException(
                            DriverException.Kind.CONNECTION_LOST,
                            p.action + " failed: connection lost (" + reason + "); it was not resent"));
        }
    }

    private void listTooLong(PendingAction p) {
        observer.malformedMessage("list too long");
        log.warn(
                "{}: the PBX listed more than {} items; the list was not kept", p.action, PendingAction.MAX_LIST_ITEMS);
        fail(
                p,
                new DriverException(
                        DriverException.Kind.ACTION_FAILED,
                        p.action + ": the PBX listed more than " + PendingAction.MAX_LIST_ITEMS
                                + " items; the list was not kept"));
    }

    private void complete(PendingAction p, AmiResponse response) {
        if (pending.remove(p.actionId, p)) {
            p.cancelDeadline();
            p.future.complete(response);
        }
    }
}
