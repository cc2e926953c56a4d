package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.util.List;

/**
 * The answer to one action: the {@code Response:} message and, for list actions (docs/ami.md §1.5), the item
 * events up to and excluding the {@code …Complete} event, which is {@link #complete()}.
 */
public record AmiResponse(AmiMessage response, List<AmiMessage> items, AmiMessage complete) {

    public AmiResponse {
        items = List.copyOf(items);
    }

    public boolean isSuccess() {
        return "Success".equalsIgnoreCase(response.response());
    }

    /** Asterisk's {@code Message:} text, or an empty string. */
    public String message() {
        return response.get("Message", "");
    }
}
