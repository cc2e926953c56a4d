package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link ActionSender} without a socket: answers each action by its name as scripted, at once, on the test's
 * thread, and keeps what was sent. An action with no script fails with TIMEOUT, as a PBX that does not answer.
 */
final class AnsweringSender implements ActionSender {

    private final Map<String, CompletableFuture<AmiResponse>> answers = new HashMap<>();
    final List<AmiMessage> sent = new ArrayList<>();

    /** {@code action} is answered {@code Response: Success} with these headers and list items. */
    AnsweringSender success(String action, List<AmiMessage> items, String... headers) {
        return answer(action, response("Success", headers), items);
    }

    /** {@code action} is answered {@code Response: Error} with this {@code Message}. */
    AnsweringSender error(String action, String message) {
        return answer(action, response("Error", "Message", message), List.of());
    }

    /** {@code action} fails as the driver's connection fails it. */
    AnsweringSender fail(String action, DriverException.Kind kind, String message) {
        answers.put(action, CompletableFuture.failedFuture(new DriverException(kind, message)));
        return this;
    }

    private AnsweringSender answer(String action, AmiMessage response, List<AmiMessage> items) {
        answers.put(action, CompletableFuture.completedFuture(new AmiResponse(response, items, null)));
        return this;
    }

    private static AmiMessage response(String outcome, String... headers) {
        AmiMessage.Builder b = AmiMessage.builder().add("Response", outcome);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.add(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Override
    public CompletableFuture<AmiResponse> send(AmiMessage action, Duration timeout) {
        sent.add(action);
        return answers.getOrDefault(
                action.action(),
                CompletableFuture.failedFuture(new DriverException(
                        DriverException.Kind.TIMEOUT, action.action() + " got no response within 1 ms")));
    }

    /** The names of the actions sent, in order. */
    List<String> actions() {
        return sent.stream().map(AmiMessage::action).toList();
    }
}
