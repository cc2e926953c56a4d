package io.ucmkit.simulator;

import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.ami.ActionRegistry;
import io.ucmkit.simulator.ami.AmiServer;
import io.ucmkit.simulator.ami.AmiServerSettings;
import io.ucmkit.simulator.ami.RegisteredAction;
import io.ucmkit.simulator.call.Calls;
import io.ucmkit.simulator.config.AmiUserConfig;
import io.ucmkit.simulator.config.PbxConfig;
import io.ucmkit.simulator.config.PbxConfigLoader;
import io.ucmkit.simulator.config.PbxConfigValidator;
import io.ucmkit.simulator.event.EventBus;
import io.ucmkit.simulator.http.ControlApi;
import io.ucmkit.simulator.metrics.SimulatorMetrics;
import io.ucmkit.simulator.pbx.Pbx;
import io.ucmkit.simulator.pbx.PbxCallPort;
import io.ucmkit.simulator.time.SimScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.scheduler.Schedulers;

/**
 * A running fake UCM6XXX: PBX model, AMI server and (when a web port is set) the HTTP control API.
 * <pre>{@code
 * try (UcmSimulator sim = UcmSimulator.builder().amiPort(0).webPort(0).authFailureDelay(Duration.ZERO).start()) {
 *   int port = sim.amiPort();
 *   sim.admin().setPresence("1000", PresenceStatus.DND);
 * }
 * }</pre>
 */
public final class UcmSimulator implements AutoCloseable {

    private final Pbx pbx;
    private final AmiServer ami;
    private final Admin admin;
    private final ControlApi web;
    private final ExecutorScheduler ownScheduler;
    private final SimulatorMetrics metrics;
    /** Readiness: true from start until close begins. */
    private volatile boolean open = true;

    private UcmSimulator(
            Pbx pbx,
            Calls calls,
            AmiServer ami,
            SimulatorMetrics metrics,
            String bind,
            int webPort,
            ExecutorScheduler own) {
        this.pbx = pbx;
        this.ami = ami;
        this.metrics = metrics;
        this.admin = new InProcessAdmin(pbx, calls, ami);
        this.ownScheduler = own;
        ControlApi w = null;
        try {
            w = webPort < 0
                    ? null
                    : ControlApi.start(admin, bind, webPort, metrics, this::ready, Schedulers.parallel());
        } catch (RuntimeException e) {
            ami.close();
            metrics.close();
            if (own != null) {
                own.close(); // a busy web port must not leave the timer thread behind
            }
            throw e;
        }
        this.web = w;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int amiPort() {
        return ami.port();
    }

    /** The control API port, or -1 when it was not started. */
    public int webPort() {
        return web == null ? -1 : web.port();
    }

    /** Accepted AMI credentials: username → secret. */
    public Map<String, String> amiUsers() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (AmiUserConfig u : ami.users()) {
            out.put(u.username(), u.secret());
        }
        return out;
    }

    /** What a person does at the phones and in the web GUI; the control API serves the same. */
    public Admin admin() {
        return admin;
    }

    /** The PBX model (seam for the call model and tests). */
    public Pbx pbx() {
        return pbx;
    }

    public AmiServer amiServer() {
        return ami;
    }

    /** The Prometheus metrics of this simulator (also {@code GET /metrics} on the web port). */
    public SimulatorMetrics metrics() {
        return metrics;
    }

    /** Whether AMI clients can connect: from start until {@link #close} begins. */
    public boolean ready() {
        return open;
    }

    /** Stops everything; a second call does nothing (try-with-resources and a JUnit extension may both close). */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (web != null) {
                web.close();
            }
        } finally {
            ami.close();
            metrics.close();
            if (ownScheduler != null) {
                ownScheduler.close();
            }
        }
    }

    /** Options of a simulator; one builder per start. */
    public static final class Builder {
        private int amiPort = 7777;
        private int webPort = -1;
        private String bind = "127.0.0.1";
        private boolean permitAny;
        private Integer asteriskVersion;
        private PbxConfig config;
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private Duration authTimeout = Duration.ofSeconds(30);
        private int outboundHighWaterMark = AmiServerSettings.defaults().outboundHighWaterMark();
        private Clock clock = Clock.systemUTC();
        private SimScheduler scheduler;
        private final List<RegisteredAction> actions = new ArrayList<>();

        private Builder() {}

        /** AMI port; 0 picks a free one. Default 7777. */
        public Builder amiPort(int port) {
            this.amiPort = port;
            return this;
        }

        /** Control API port; 0 picks a free one; -1 (default in-process) starts no control API. */
        public Builder webPort(int port) {
            this.webPort = port;
            return this;
        }

        public Builder bind(String host) {
            this.bind = host;
            return this;
        }

        /** 20 (banner 9.0.0, Output: style) or 13 (2.10.6, Response: Follows); default from the config. */
        public Builder asteriskVersion(int version) {
            if (version != 20 && version != 13) {
                throw new IllegalArgumentException("asteriskVersion: " + version + " is not 20 or 13");
            }
            this.asteriskVersion = version;
            return this;
        }

        public Builder config(PbxConfig config) {
            this.config = config;
            return this;
        }

        /** Delay before {@code Authentication failed}; Asterisk's is 1 s, tests use zero. */
        public Builder authFailureDelay(Duration delay) {
            this.authFailureDelay = delay;
            return this;
        }

        /** Unauthenticated sessions are closed after this (Asterisk authtimeout, 30 s). */
        public Builder authTimeout(Duration timeout) {
            this.authTimeout = timeout;
            return this;
        }

        /**
         * Accept AMI logins from any host, whatever the users' permit lists say: for a simulator in a
         * container, reached over a Docker network (a UCM, like Asterisk, checks the list).
         */
        public Builder permitAnyHost(boolean any) {
            this.permitAny = any;
            return this;
        }

        /**
         * Bytes queued for one AMI client before it counts as a slow reader and is disconnected
         * (default 1 MiB). Raise it for a test that publishes a long burst from one loop faster than
         * any reader on the machine drains it.
         */
        public Builder outboundHighWaterMark(int bytes) {
            this.outboundHighWaterMark = bytes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Timers (auth timeout, failure delay); default a daemon timer thread. */
        public Builder scheduler(SimScheduler scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Adds or replaces AMI actions (after the simulator's own, so these win). */
        public Builder actions(List<RegisteredAction> more) {
            actions.addAll(more);
            return this;
        }

        /** Starts and returns once listening; fails with a clear message otherwise. */
        public UcmSimulator start() {
            PbxConfig c = config == null ? PbxConfigLoader.defaults() : config;
            if (asteriskVersion != null) {
                c = c.withAsteriskVersion(asteriskVersion);
            }
            PbxConfigValidator.validate(c);
            ExecutorScheduler own = scheduler == null ? new ExecutorScheduler() : null;
            SimScheduler timers = scheduler == null ? own : scheduler;
            Pbx pbx = new Pbx(c, new EventBus(), clock);
            Calls calls = Calls.create(new PbxCallPort(pbx), clock, timers, pbx.events(), c.asteriskVersion() < 14);
            AmiServerSettings settings = AmiServerSettings.defaults()
                    .withAsteriskVersion(c.asteriskVersion())
                    .withAuthFailureDelay(authFailureDelay)
                    .withAuthTimeout(authTimeout)
                    .withOutboundHighWaterMark(outboundHighWaterMark)
                    .withPermitAny(permitAny);
            SimulatorMetrics metrics = new SimulatorMetrics();
            AmiServer ami =
                    new AmiServer(pbx, ActionRegistry.standard(calls).with(actions), settings, clock, timers, metrics);
            metrics.bind(ami);
            try {
                ami.start(bind, amiPort);
            } catch (RuntimeException e) {
                if (own != null) {
                    own.close();
                }
                throw e;
            }
            return new UcmSimulator(pbx, calls, ami, metrics, bind, webPort, own);
        }
    }
}
