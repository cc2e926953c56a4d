package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the login handshake and the state re-read need of a session: send one action and get its answer
 * ({@link AmiConnection#send(AmiMessage, Duration)}). An interface so that both can be tested without a socket.
 */
@FunctionalInterface
interface ActionSender {

    /** The answer (list actions: with their items), or a failure with TIMEOUT or CONNECTION_LOST. */
    CompletableFuture<AmiResponse> send(AmiMessage action, Duration timeout);
}
