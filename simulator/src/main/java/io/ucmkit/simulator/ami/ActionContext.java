package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.simulator.pbx.Pbx;
import java.util.List;

/**
 * What an {@link ActionHandler} sees: the request, its session, the PBX, the server settings, and
 * ways to answer. Runs on the session's event loop.
 */
public final class ActionContext {

    private final AmiMessage request;
    private final AmiSession session;
    private final AmiServer server;

    ActionContext(AmiMessage request, AmiSession session, AmiServer server) {
        this.request = request;
        this.session = session;
        this.server = server;
    }

    public AmiMessage request() {
        return request;
    }

    public AmiSession session() {
        return session;
    }

    public Pbx pbx() {
        return server.pbx();
    }

    public AmiServer server() {
        return server;
    }

    /** Writes one response (or list item). */
    public void reply(AmiMessage message) {
        session.write(message);
    }

    public void success(String message) {
        reply(AmiResponses.success(request, message).build());
    }

    public void error(String message) {
        reply(AmiResponses.error(request, message));
    }

    /** Writes a complete event list: start, items (ActionID already set by the caller), complete. */
    public void list(String startMessage, List<AmiMessage> items, String completeEvent) {
        reply(AmiResponses.listStart(request, startMessage));
        items.forEach(this::reply);
        reply(AmiResponses.listComplete(request, completeEvent, items.size()));
    }

    /**
     * Answers later (a synchronous Originate, transcript 09c): the session processes no further
     * action and writes no event until {@code responses} completes; then it writes them, flushes the
     * events queued meanwhile and reads on. A failed future answers {@code Response: Error}.
     */
    public void replyLater(java.util.concurrent.CompletableFuture<List<AmiMessage>> responses) {
        this.deferred = responses;
    }

    /**
     * Answers {@code last} later and then closes (a failed Login: Asterisk sleeps in the session
     * thread, answers and hangs up): nothing the client sends meanwhile is read or answered, so a
     * pipelined second Login cannot try another password during the delay.
     */
    public void replyLaterAndClose(java.util.concurrent.CompletableFuture<AmiMessage> last) {
        this.deferred = last.thenApply(List::of);
        this.closeAfterDeferred = true;
    }

    java.util.concurrent.CompletableFuture<List<AmiMessage>> deferred() {
        return deferred;
    }

    /** True when the session closes once the deferred answer is written ({@link #replyLaterAndClose}). */
    boolean closeAfterDeferred() {
        return closeAfterDeferred;
    }

    private java.util.concurrent.CompletableFuture<List<AmiMessage>> deferred;
    private boolean closeAfterDeferred;

    /** Writes {@code last} and closes the session. */
    public void replyAndClose(AmiMessage last) {
        session.closeAfter(
                last,
                "Logoff".equalsIgnoreCase(request.action())
                        ? "logged off"
                        : "closed by its " + request.action() + " action");
    }

    /**
     * Marks the request as refused (a Login turned down): the journal records it as {@code refused}
     * with this reason, which the client is not told.
     */
    void refuse(String reason) {
        this.refusal = reason;
    }

    /** Why the request was refused, or null. */
    String refusal() {
        return refusal;
    }

    private String refusal;
}
