package io.ucmkit.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.ucmkit.ami.AmiMessage;
import java.nio.file.Path;
import java.time.Clock;
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
    private final PbxCommands commands;
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
        this.commands = new PbxCommands(config, ids, supervisor, translator, asset);
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
        return commands.callPhone(request);
    }

    /**
     * Barge. Checks with CoreShowChannels that the destination has a channel Up (else CONFLICT "not in a call"),
     * then originates ChanSpy. Completes with an id for the log.
     */
    public CompletableFuture<String> barge(Barge request) {
        return commands.barge(request);
    }

    /** Sends any AMI action on the current session (ActionID is assigned); rejected at once when disconnected. */
    public CompletableFuture<AmiResponse> sendAction(AmiMessage action) {
        return commands.sendAction(action);
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
