package io.ucmkit.driver;

import io.netty.util.concurrent.ScheduledFuture;
import io.ucmkit.ami.AmiMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One action registered before its write; completed exactly once (response, deadline or lost connection). */
final class PendingAction {

    /**
     * Most items one list answer may bring. A UCM lists a few thousand extensions or channels at most; without a
     * bound, a PBX that never sends the list's Complete could fill the heap until the action's deadline.
     */
    static final int MAX_LIST_ITEMS = 20_000;

    final String actionId;
    final String action;
    final CompletableFuture<AmiResponse> future = new CompletableFuture<>();
    private AmiMessage listResponse;
    private List<AmiMessage> items = new ArrayList<>();
    private boolean overflowed;
    volatile ScheduledFuture<?> deadline;

    PendingAction(String actionId, String action) {
        this.actionId = actionId;
        this.action = action;
    }

    boolean isCollectingList() {
        return listResponse != null;
    }

    /** {@code Response: Success} + {@code EventList: start} (docs/ami.md §1.5): items follow until Complete. */
    void startList(AmiMessage response) {
        listResponse = response;
    }

    /** Keeps the item, or, past {@link #MAX_LIST_ITEMS}, lets every item go and consumes the rest unkept. */
    void addItem(AmiMessage item) {
        if (overflowed) {
            return;
        }
        if (items.size() >= MAX_LIST_ITEMS) {
            overflowed = true;
            items = List.of();
            return;
        }
        items.add(item);
    }

    /** Whether the list grew past {@link #MAX_LIST_ITEMS}: its answer fails instead of completing. */
    boolean overflowed() {
        return overflowed;
    }

    AmiResponse finishList(AmiMessage complete) {
        return new AmiResponse(listResponse, items, complete);
    }

    void cancelDeadline() {
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
    }
}
