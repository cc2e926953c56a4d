package io.ucmkit.simulator.call;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked Originate (docs/ami.md §3.1): the source phone {@code tech/resource}, then either the
 * dialplan target ({@code context}, {@code exten}) or an application with its data. {@code actionId}
 * is echoed by the Async form's OriginateResponse event; {@code channelId} presets the source leg's
 * uniqueid.
 */
public record OriginateRequest(
        String actionId,
        String tech,
        String resource,
        String requestedChannel,
        String context,
        String exten,
        String application,
        String data,
        CallerId callerId,
        Duration timeout,
        boolean async,
        String channelId,
        Map<String, String> variables) {

    public OriginateRequest {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables)); // in the order given
    }

    boolean applicationForm() {
        return application != null;
    }
}
