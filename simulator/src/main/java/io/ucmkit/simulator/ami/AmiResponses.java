package io.ucmkit.simulator.ami;

import io.ucmkit.ami.AmiMessage;

/**
 * Builders for Asterisk's response shapes (docs/ami.md §1.3): {@code Response}, then {@code ActionID}
 * only when the request carried a non-empty one, then {@code EventList}/{@code Message}.
 */
public final class AmiResponses {

    private AmiResponses() {}

    public static AmiMessage.Builder start(AmiMessage request, String response) {
        return AmiMessage.builder().add("Response", response).addActionId(request.get("ActionID"));
    }

    public static AmiMessage.Builder success(AmiMessage request, String message) {
        return start(request, "Success").addIfPresent("Message", message);
    }

    public static AmiMessage error(AmiMessage request, String message) {
        return start(request, "Error").add("Message", message).build();
    }

    /** {@code Response: Success / EventList: start / Message: ...} (docs/ami.md §1.5). */
    public static AmiMessage listStart(AmiMessage request, String message) {
        return start(request, "Success")
                .add("EventList", "start")
                .add("Message", message)
                .build();
    }

    /** A list item: {@code Event: name} then the ActionID right after it (docs/ami.md §1.3). */
    public static AmiMessage.Builder listItem(AmiMessage request, String event) {
        return AmiMessage.builder().add("Event", event).addActionId(request.get("ActionID"));
    }

    public static AmiMessage listComplete(AmiMessage request, String event, int items) {
        return listItem(request, event)
                .add("EventList", "Complete")
                .add("ListItems", Integer.toString(items))
                .build();
    }
}
