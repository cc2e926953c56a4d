package io.ucmkit.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.ucmkit.ami.AmiMessage;
import io.ucmkit.ami.ChannelState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UCM driver: one supervised AMI session, the System Asset, the commands and the events.
 *
 * <pre>{@code
 * DriverConfig config = DriverConfig.builder()
 *         .address("192.168.1.10").port(7777).username("amiuser").password(System.getenv("UCMKIT_PASSWORD"))
 *         .build();
 * try (UcmDriver ucm = UcmDriver.start(config, Path.of("ucmkit-data"))) {
 *     ucm.subscribe(event -> System.out.println(event));              // Call Status, IVR Response, …
 *     String callId = ucm.callPhone(new CallPhone("1000", "1001", "Door 3", "Alarm")).join();
 *     System.out.println(ucm.asset().state());                        // Normal, Fault, No Communication, …
 * }
 * }</pre>
 *
 * <p>Every method is asynchronous and never blocks on the network. Commands issued while the asset is
 * No Communication fail at once with {@link DriverException.Kind#NOT_CONNECTED}: nothing is queued, so nothing
 * (in particular no Originate) is ever sent twice because a connection came back.
 */
public final class UcmDriver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UcmDriver.class);

    private final DriverConfig config;
    private final Clock clock;
    private final EventLoopGroup group;
    private final ActionIds ids = new ActionIds();
    private final EventDispatcher<DriverEvent> events;
    private final EventDispatcher<AmiMessage> amiEvents;
    private final SystemAsset asset;
    private final EventTranslator translator;
    private final ConnectionSupervisor supervisor;
    private final DriverMetrics metrics;

    private UcmDriver(DriverConfig config, Path dataDir, Clock clock, DriverObserver observer) {
        this.config = config;
        this.clock = clock;
        this.metrics = new DriverMetrics(observer);
        int capacity = Math.max(1, config.eventQueueCapacity());
        this.events = new EventDispatcher<>(
                "ucmkit-events",
                capacity,
                n -> dropped("driver event queue full (" + capacity + " events): subscribers too slow"),
                metrics::eventDelivered);
        this.amiEvents = new EventDispatcher<>(
                "ucmkit-ami-events",
                capacity,
                n -> dropped("raw AMI event queue full (" + capacity + " events): subscribeAmi subscribers too slow"));
        this.asset = new SystemAsset(clock, dataDir, e -> {
            if (e instanceof DriverEvent.AssetState s) {
                metrics.assetState(s.newState());
            }
            events.offer(e);
        });
        this.translator = new EventTranslator(config, clock);
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        AssetHealth health = new AssetHealth(config, asset);
        this.supervisor = new ConnectionSupervisor(
                config,
                group.next(),
                ids,
                new LoginHandshake(config, metrics),
                new StateResync(config, translator, events::offer),
                health,
                new EventFanOut(
                        m -> {
                            if (amiEvents.hasSubscribers()) {
                                amiEvents.offer(m);
                            }
                        },
                        health,
                        translator,
                        events::offer,
                        metrics),
                () -> ThreadLocalRandom.current().nextDouble(),
                metrics);
        asset.onCancel(translator::dropPendingConfirmations);
    }

    /** Starts the driver; it connects in the background. Notes are kept in {@code dataDir/notes.jsonl}. */
    public static UcmDriver start(DriverConfig config, Path dataDir) {
        return start(config, dataDir, Clock.systemUTC());
    }

    public static UcmDriver start(DriverConfig config, Path dataDir, Clock clock) {
        return start(config, dataDir, clock, DriverObserver.NONE);
    }

    /**
     * Starts the driver reporting to {@code observer} as it runs (connections, logins, actions with their latency,
     * events received, delivered and dropped, malformed messages, asset states), e.g. for Micrometer. The observer
     * is called on driver threads and must be quick; if it throws, the driver logs that once and carries on.
     */
    public static UcmDriver start(DriverConfig config, Path dataDir, Clock clock, DriverObserver observer) {
        UcmDriver driver = new UcmDriver(config, dataDir, clock, observer);
        log.info("starting driver: {}", config);
        driver.supervisor.start();
        return driver;
    }

    public DriverConfig config() {
        return config;
    }

    public SystemAsset asset() {
        return asset;
    }

    /** Whether a logged-in AMI session is up (commands are accepted). */
    public boolean isConnected() {
        return supervisor.ready() != null;
    }

    /**
     * Blocks until the driver is logged in and its asset has left No Communication, woken by the asset's
     * own state change (no polling). Fails with {@link DriverException.Kind#TIMEOUT} naming the asset's
     * reason — e.g. a refused login or a PBX that does not answer — when that does not happen in time.
     */
    public void awaitConnected(java.time.Duration timeout) {
        java.util.concurrent.Semaphore changed = new java.util.concurrent.Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        Runnable unsubscribe = events.subscribe(e -> {
            if (e instanceof DriverEvent.AssetState) {
                changed.release();
            }
        });
        try {
            while (true) {
                changed.drainPermits();
                if (isConnected() && asset.trueState() != SystemAsset.TrueState.NO_COMMUNICATION) {
                    return;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !changed.tryAcquire(left, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                    throw new DriverException(
                            DriverException.Kind.TIMEOUT,
                            "not connected to " + config.address() + " within " + timeout.toMillis() + " ms: "
                                    + asset.state() + " (" + asset.reason() + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(DriverException.Kind.TIMEOUT, "interrupted while waiting to connect");
        } finally {
            unsubscribe.run();
        }
    }

    /** Starts recording driver events for {@link EventRecorder#await}; close it when done. */
    public EventRecorder recordEvents() {
        return new EventRecorder(this);
    }

    /** Subscribes to driver events, delivered in order on one driver thread. Run the returned value to unsubscribe. */
    public Runnable subscribe(Consumer<? super DriverEvent> subscriber) {
        return events.subscribe(subscriber);
    }

    /** Subscribes to every raw AMI event (unknown events included), in wire order. */
    public Runnable subscribeAmi(Consumer<? super AmiMessage> subscriber) {
        return amiEvents.subscribe(subscriber);
    }

    /** Events dropped because subscribers were too slow (also on the asset snapshot). */
    public long droppedEvents() {
        return events.dropped() + amiEvents.dropped();
    }

    /**
     * The driver's running totals since start (reconnects, logins, events received, delivered and dropped,
     * malformed messages, the event queues' bound and peak): cheap, lock-free, meant to be polled, e.g. by a
     * soak script that compares two snapshots.
     */
    public DriverCounters counters() {
        return new DriverCounters(
                metrics.connects.get(),
                metrics.disconnects.get(),
                metrics.loginsAccepted.get(),
                metrics.loginsRefused.get(),
                metrics.loginsFailed.get(),
                metrics.actions.get(),
                metrics.actionTimeouts.get(),
                metrics.eventsReceived.get(),
                metrics.eventsDelivered.get(),
                events.dropped(),
                amiEvents.dropped(),
                metrics.malformed.get(),
                events.capacity(),
                Math.max(events.peak(), amiEvents.peak()));
    }

    /**
     * Call Phone. Completes with the call id once the PBX accepted the Originate ({@code Originate successfully
     * queued}); Call Status events for this call carry the id. Fails with INVALID_REQUEST (a parameter, named),
     * NOT_CONNECTED, UNKNOWN_EXTENSION, ACTION_FAILED (Asterisk's message) or TIMEOUT.
     */
    public CompletableFuture<String> callPhone(CallPhone request) {
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

    /**
     * Barge. Checks with CoreShowChannels that the destination has a channel Up (else CONFLICT "not in a call"),
     * then originates ChanSpy. Completes with an id for the log.
     */
    public CompletableFuture<String> barge(Barge request) {
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

    /** Sends any AMI action on the current session (ActionID is assigned); rejected at once when disconnected. */
    public CompletableFuture<AmiResponse> sendAction(AmiMessage action) {
        try {
            return track(requireReady().send(action, config.actionTimeout()));
        } catch (DriverException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

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
        if (message.toLowerCase(java.util.Locale.ROOT).contains("does not exist")) {
            return new DriverException(
                    DriverException.Kind.UNKNOWN_EXTENSION,
                    "destinationExtension " + destination + " does not exist on the PBX (" + message + ")");
        }
        return new DriverException(DriverException.Kind.ACTION_FAILED, command + " refused by the PBX: " + message);
    }

    private void dropped(String reason) {
        asset.droppedEvents(droppedEvents());
        metrics.eventDropped(reason);
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        supervisor.stop();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        events.close();
        amiEvents.close();
    }
}
