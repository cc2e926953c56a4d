package io.ucmkit.driver;

import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of docs/driver.md that go to the PBX — Call Phone, Barge, any action — sent on the ready session. A command
 * is rejected at once while no session is ready: nothing is queued, so nothing (in particular no Originate) is ever
 * sent twice because a connection came back. Every outcome goes to the supervisor (timeouts in a row make the asset
 * Fault; a Permission denied is a missing privilege).
 *
 * <p>Thread: the caller's (an HTTP worker of the driver service, say) up to the write, which Netty hands to the
 * event loop; the answer is read on the event loop, which completes the returned future and runs the continuations
 * here. A Call Phone call is registered with the translator before its Originate is written.
 */
final class PbxCommands {

    private static final Logger log = LoggerFactory.getLogger(PbxCommands.class);

    private final DriverConfig config;
    private final ActionIds ids;
    private final ConnectionSupervisor supervisor;
    private final EventTranslator translator;
    private final SystemAsset asset;

    PbxCommands(
            DriverConfig config,
            ActionIds ids,
            ConnectionSupervisor supervisor,
            EventTranslator translator,
            SystemAsset asset) {
        this.config = config;
        this.ids = ids;
        this.supervisor = supervisor;
        this.translator = translator;
        this.asset = asset;
    }

    /** {@link UcmDriver#callPhone}: completes with the call id once the PBX queued the Originate. */
    CompletableFuture<String> callPhone(CallPhone request) {
        try {
            request.validate();
            AmiConnection c = requireReady();
            requireKnown("sourceExtension", request.sourceExtension());
            requireKnown("destinationExtension", request.destinationExtension());
            String callId = UUID.randomUUID().toString();
            String actionId = ids.next();
            translator.expectCallPhone(actionId, callId, request.sourceExtension(), request.destinationExtension());
            return track(c.send(
                            request.toOriginate(config.channelTech(), config.context()),
                            config.actionTimeout(),
                            actionId))
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            // Timeout or connection lost: the caller gets no call id, so nothing can be reported
                            // against this call; still tracked, it would take a later call's first channel.
                            translator.forgetCallPhone(actionId);
                        }
                    })
                    .thenApply(r -> {
                        if (!r.isSuccess()) {
                            translator.forgetCallPhone(actionId);
                            throw refused("Call Phone", r, request.destinationExtension());
                        }
                        log.info(
                                "Call Phone {} -> {} queued as call {}",
                                request.sourceExtension(),
                                request.destinationExtension(),
                                callId);
                        return callId;
                    });
        } catch (DriverException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link UcmDriver#barge}: CoreShowChannels (else the tracked channels) must show the destination Up. */
    CompletableFuture<String> barge(Barge request) {
        try {
            request.validate();
            AmiConnection c = requireReady();
            requireKnown("sourceExtension", request.sourceExtension());
            requireKnown("destinationExtension", request.destinationExtension());
            String tech = config.channelTech();
            return track(c.send(AmiMessage.of("Action", "CoreShowChannels"), config.actionTimeout()))
                    .thenCompose(r -> {
                        boolean inCall = r.isSuccess()
                                ? r.items().stream()
                                        .anyMatch(ch -> Channels.isUpAt(
                                                ch.get("Channel"),
                                                ChannelState.ofHeader(ch.get("ChannelState"))
                                                        .orElse(null),
                                                tech,
                                                request.destinationExtension()))
                                : translator.isUp(tech, request.destinationExtension());
                        if (!inCall) {
                            throw new DriverException(
                                    DriverException.Kind.CONFLICT,
                                    "destination " + request.destinationExtension()
                                            + " is not in a call: nothing to barge into");
                        }
                        AmiConnection again = requireReady();
                        return track(again.send(request.toOriginate(tech), config.actionTimeout()));
                    })
                    .thenApply(r -> {
                        if (!r.isSuccess()) {
                            throw refused("Barge", r, request.destinationExtension());
                        }
                        String id = UUID.randomUUID().toString();
                        log.info(
                                "Barge {} -> {} queued as {}",
                                request.sourceExtension(),
                                request.destinationExtension(),
                                id);
                        return id;
                    });
        } catch (DriverException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link UcmDriver#sendAction}. */
    CompletableFuture<AmiResponse> sendAction(AmiMessage action) {
        try {
            return track(requireReady().send(action, config.actionTimeout()));
        } catch (DriverException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Reports the outcome to the supervisor, from whichever thread completes the action. */
    private CompletableFuture<AmiResponse> track(CompletableFuture<AmiResponse> f) {
        return f.whenComplete((r, e) -> {
            DriverException d = DriverException.unwrap(e);
            supervisor.actionOutcome(d != null && d.kind() == DriverException.Kind.TIMEOUT);
        });
    }

    private AmiConnection requireReady() {
        AmiConnection c = supervisor.ready();
        if (c == null || !c.isOpen()) {
            throw new DriverException(
                    DriverException.Kind.NOT_CONNECTED,
                    "not connected to the PBX (" + asset.trueState().label() + ": " + asset.reason()
                            + "); the command was not sent and will not be retried");
        }
        return c;
    }

    private void requireKnown(String name, String extension) {
        var known = translator.knownExtensions();
        if (!known.isEmpty() && !known.contains(extension) && !config.isIvr(extension)) {
            throw new DriverException(
                    DriverException.Kind.UNKNOWN_EXTENSION,
                    name + " " + extension + " is not an extension of this PBX");
        }
    }

    private DriverException refused(String command, AmiResponse r, String destination) {
        String message = r.message();
        if ("Permission denied".equalsIgnoreCase(message)) {
            supervisor.privilegeMissing("AMI user '" + config.username()
                    + "' lacks the originate privilege (Originate answered Permission denied)");
            return new DriverException(
                    DriverException.Kind.ACTION_FAILED,
                    command + " refused by the PBX: Permission denied (the AMI user lacks the originate privilege)");
        }
        if (message.toLowerCase(Locale.ROOT).contains("does not exist")) {
            return new DriverException(
                    DriverException.Kind.UNKNOWN_EXTENSION,
                    "destinationExtension " + destination + " does not exist on the PBX (" + message + ")");
        }
        return new DriverException(DriverException.Kind.ACTION_FAILED, command + " refused by the PBX: " + message);
    }
}
