package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One action registered before its write; completed exactly once (response, deadline or lost connection). */
final class PendingAction {

    final String actionId;
    final String action;
    final CompletableFuture<AmiResponse> future = new CompletableFuture<>();
    private AmiMessage listResponse;
    private final List<AmiMessage> items = new ArrayList<>();
    volatile ScheduledFuture<?> deadline;

    PendingAction(String actionId, String action) {
        this.actionId = actionId;
        this.action = action;
    }

    boolean isCollectingList() {
        return listResponse != null;
    }

    /** {@code Response: Success} + {@code EventList: start} (AMI.md §1.5): items follow until Complete. */
    void startList(AmiMessage response) {
        listResponse = response;
    }

    void addItem(AmiMessage item) {
        items.add(item);
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
