package io.ucmkit.features.support;

import static org.awaitility.Awaitility.await;

import io.ucmkit.features.phones.PbxChannels;
import io.ucmkit.features.phones.PhoneSettings;
import io.ucmkit.features.phones.Phones;
import io.ucmkit.features.phones.SimulatorPhones;
import io.ucmkit.features.phones.SoftPhones;
import io.ucmkit.features.wire.Target;
import io.ucmkit.simulator.ManualTime;
import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.admin.Admin;
import io.ucmkit.simulator.admin.AmiUserInfo;
import io.ucmkit.simulator.admin.HttpAdmin;
import io.ucmkit.simulator.admin.PresenceStatus;
import io.ucmkit.simulator.pbx.Presence;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The PBX under test for one scenario (picocontainer creates one per scenario): the external
 * target when {@code ucmkit.target} is set, otherwise one in-process simulator shared by the
 * whole run and reset before each scenario (starting one per scenario would cost time). A
 * scenario that restarts the PBX, moves its clock by hand or needs another configuration gets a
 * simulator of its own instead, closed after it. An external simulator whose control API is
 * given ({@code ucmkit.control} or {@code UCMKIT_CONTROL}, e.g. {@code http://127.0.0.1:8089})
 * is driven and reset through that API, so its phones can be used too.
 */
public final class Pbx {

    public static final String CONTROL_PROPERTY = "ucmkit.control";
    public static final String CONTROL_ENVIRONMENT = "UCMKIT_CONTROL";

    private static final Target EXTERNAL = Target.ofSetting(setting(Target.PROPERTY, Target.ENVIRONMENT));
    private static final URI CONTROL = controlApi();
    /** Soft phones on a real PBX (an external target without a control API), when accounts are given. */
    private static final PhoneSettings PHONES =
            EXTERNAL != null && CONTROL == null ? PhoneSettings.fromSystemProperty(EXTERNAL.host()) : null;
    /** The test extensions whose presence a scenario may change, put back to Available between scenarios. */
    private static final int FIRST_EXTENSION = 1000;

    private static final int LAST_EXTENSION = 1009;
    /** The AMI user with read and write "call" only: the demo PBX's, or on a real PBX as {@code ucmkit.restricted}. */
    public static final String RESTRICTED_PROPERTY = "ucmkit.restricted";

    public static final String RESTRICTED_ENVIRONMENT = "UCMKIT_RESTRICTED";
    private static final String RESTRICTED = setting(RESTRICTED_PROPERTY, RESTRICTED_ENVIRONMENT);
    private static UcmSimulator shared;
    private static HttpAdmin controlAdmin;
    private static SoftPhones softPhones;

    private volatile Target target;
    private UcmSimulator own;
    private UnaryOperator<UcmSimulator.Builder> ownOptions;
    private int ownPort;
    private ManualTime manualTime;
    private boolean down;
    private Duration allowance = Duration.ZERO;

    public Pbx() {
        if (EXTERNAL != null) {
            target = EXTERNAL;
            if (CONTROL != null) {
                admin().reset();
            } else if (PHONES != null) {
                resetRealPbx();
            }
            return;
        }
        UcmSimulator simulator = sharedSimulator();
        simulator.admin().reset();
        target = local(simulator);
    }

    private static synchronized UcmSimulator sharedSimulator() {
        if (shared == null) {
            // the failed-login delay is Asterisk's 1 s on hardware; the suite does not need to wait for it
            shared = UcmSimulator.builder()
                    .amiPort(0)
                    .authFailureDelay(Duration.ZERO)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "simulator-stop"));
        }
        return shared;
    }

    /**
     * A real PBX has no reset: every test extension's presence back to Available and its phone
     * registered, idle and answered by hand, as the simulator's reset leaves them.
     */
    private void resetRealPbx() {
        Map<String, String> available = new LinkedHashMap<>();
        for (int ext = FIRST_EXTENSION; ext <= LAST_EXTENSION; ext++) {
            available.put(presenceVariable(Integer.toString(ext)), "available");
        }
        channels().setVariables(available);
        softPhones().reset();
    }

    private static synchronized SoftPhones softPhones() {
        if (softPhones == null) {
            softPhones = new SoftPhones(PHONES, new PbxChannels(EXTERNAL));
            Runtime.getRuntime().addShutdownHook(new Thread(softPhones::close, "soft-phones-stop"));
        }
        return softPhones;
    }

    private static URI controlApi() {
        String value = setting(CONTROL_PROPERTY, CONTROL_ENVIRONMENT);
        return value.isEmpty() ? null : URI.create(value);
    }

    /** A setting from the system property, else the environment; a Maven {@code ${env.X}} of an unset X counts as unset. */
    static String setting(String property, String environment) {
        String value = System.getProperty(property, "").trim();
        if (value.isEmpty()) {
            value = System.getenv().getOrDefault(environment, "").trim();
        }
        return value.startsWith("${env.") ? "" : value;
    }

    /** Whether the run targets an external PBX (a separately started simulator or real hardware). */
    static boolean external() {
        return EXTERNAL != null;
    }

    /** Whether the external target is a simulator whose control API the suite drives. */
    static boolean externalSimulator() {
        return CONTROL != null;
    }

    static boolean softPhonesGiven() {
        return PHONES != null;
    }

    static boolean restrictedUserGiven() {
        return !RESTRICTED.isEmpty();
    }

    /** The external PBX of this run, or null for the in-process simulator. */
    static Target externalPbx() {
        return EXTERNAL;
    }

    /**
     * The call-only AMI user's name and secret for the preflight: the demo PBX's amireader on a
     * simulator, the one {@code ucmkit.restricted} names on a real PBX, else null (no such user given).
     */
    static String[] restrictedCredentials() {
        if (EXTERNAL == null || (CONTROL != null && RESTRICTED.isEmpty())) {
            return new String[] {"amireader", "amireader1"};
        }
        return RESTRICTED.contains(":") ? RESTRICTED.split(":", 2) : null;
    }

    static String externalTarget() {
        return EXTERNAL == null ? "the in-process simulator" : EXTERNAL + (PHONES != null ? " with soft phones" : "");
    }

    /** The restricted AMI user's name and secret (the demo PBX's amireader unless {@code ucmkit.restricted} names another). */
    public String[] restrictedUser() {
        if (target.inProcess() || (controllable() && RESTRICTED.isEmpty())) {
            return new String[] {"amireader", "amireader1"};
        }
        if (RESTRICTED.isEmpty() || !RESTRICTED.contains(":")) {
            throw new IllegalStateException(
                    "this step logs in as a call-only AMI user: tag the scenario @restricted-user, or give "
                            + RESTRICTED_ENVIRONMENT + "=USER:PASSWORD");
        }
        return RESTRICTED.split(":", 2);
    }

    private static Target local(UcmSimulator simulator) {
        return new Target("127.0.0.1", simulator.amiPort(), "amiadmin", "amiadmin1", true);
    }

    public Target target() {
        return target;
    }

    /** Whether the suite can act as the UCM administrator and the phones' users (a simulator it controls). */
    public boolean controllable() {
        return target.inProcess() || CONTROL != null;
    }

    /** Whether the suite can act as the phones' users: a simulator, or soft phones registered on the real PBX. */
    public boolean hasPhones() {
        return controllable() || PHONES != null;
    }

    /** The phones and their users: the simulator's, or soft phones on a real PBX. */
    public Phones phones() {
        if (controllable()) {
            return new SimulatorPhones(admin());
        }
        if (PHONES == null) {
            throw new IllegalStateException(
                    "this step acts as a phone's user: tag the scenario @phones, or give soft phone " + "accounts ("
                            + PhoneSettings.ENVIRONMENT + ")");
        }
        return softPhones();
    }

    /** The live channels and variables of the target PBX, read over AMI. */
    public PbxChannels channels() {
        return new PbxChannels(target);
    }

    /**
     * A UCM user sets a presence status in the user portal. On a real PBX without its portal the
     * same value is written over AMI (Setvar PRESENCE_STATE), as the portal has the PBX do.
     */
    public void setPresence(String ext, String status, String text) {
        if (controllable()) {
            admin().setPresence(ext, PresenceStatus.valueOf(status.toUpperCase(Locale.ROOT)), text);
            return;
        }
        Presence value = Presence.ofUcm(status, text);
        // func_presencestate splits on commas; with option e the subtype and message are base64, so a text may hold
        // commas
        Base64.Encoder base64 = Base64.getEncoder();
        String written = value.message().contains(",")
                ? value.state() + "," + base64.encodeToString(value.subtype().getBytes(StandardCharsets.UTF_8)) + ","
                        + base64.encodeToString(value.message().getBytes(StandardCharsets.UTF_8)) + ",e"
                : value.state() + "," + value.subtype() + "," + value.message();
        channels().setVariables(Map.of(presenceVariable(ext), written));
    }

    /** The UCM status the user portal shows for an extension (on a real PBX: what PresenceState reads). */
    public String presenceShown(String ext) {
        if (controllable()) {
            return admin().extension(ext).presence();
        }
        String[] value = channels().presence("CustomPresence:" + ext);
        return new Presence(value[0], value[1], value[2]).ucmStatus();
    }

    private static String presenceVariable(String ext) {
        return "PRESENCE_STATE(CustomPresence:" + ext + ")";
    }

    /** The in-process simulator; only @in-process scenarios may ask for it. */
    public UcmSimulator simulator() {
        if (!target.inProcess()) {
            throw new IllegalStateException("this step needs the in-process simulator: tag the scenario @in-process");
        }
        if (down) {
            throw new IllegalStateException("the PBX is shut down");
        }
        return own != null ? own : shared;
    }

    /** What the UCM administrator and the phones' users do (web GUI, handsets). */
    public Admin admin() {
        if (target.inProcess()) {
            return simulator().admin();
        }
        if (CONTROL == null) {
            throw new IllegalStateException("this step acts as the PBX administrator or a phone user: tag the scenario "
                    + "@ucm-admin or @simulator-only, or give the simulator's control API (" + CONTROL_ENVIRONMENT
                    + ")");
        }
        return controlAdmin();
    }

    private static synchronized HttpAdmin controlAdmin() {
        if (controlAdmin == null) {
            controlAdmin = HttpAdmin.connect(CONTROL);
        }
        return controlAdmin;
    }

    /**
     * A user as it is saved back: its secret is known only for the target's own AMI user (the
     * control API never shows secrets), so only that user may be changed by a scenario.
     */
    public AmiUserInfo savable(AmiUserInfo user) {
        if (!user.username().equals(target.username())) {
            throw new IllegalStateException(
                    "only the target's AMI user " + target.username() + " can be saved: its secret is the one known");
        }
        return user.withSecret(target.password());
    }

    /**
     * Starts a PBX for this scenario only, on a free port, and makes it the target. {@code options}
     * adds to the defaults (zero failed-login delay, no control API).
     */
    public UcmSimulator startOwn(UnaryOperator<UcmSimulator.Builder> options) {
        simulator(); // only in-process runs can start a PBX
        if (own != null) {
            throw new IllegalStateException("this scenario already started its own PBX");
        }
        ownOptions = options;
        own = options.apply(UcmSimulator.builder().amiPort(0).authFailureDelay(Duration.ZERO))
                .start();
        ownPort = own.amiPort();
        target = local(own);
        return own;
    }

    /** Starts a PBX of this scenario's own whose timers fire only when {@link #advance} moves its clock. */
    public UcmSimulator startOwnWithManualClock() {
        ManualTime time = new ManualTime();
        UcmSimulator simulator = startOwn(b -> b.clock(time.clock()).scheduler(time));
        manualTime = time;
        return simulator;
    }

    /** Moves the PBX's clock: ring timeouts, auth timeouts and IVR waits that fall due fire now. */
    public void advance(Duration by) {
        if (manualTime == null) {
            throw new IllegalStateException(
                    "the PBX's clock is real time: start the scenario with a PBX whose clock it moves");
        }
        manualTime.advance(by);
    }

    /** Like a UCM power cycle: every AMI connection drops and the port refuses connections until {@link #startAgain}. */
    public void shutDown() {
        requireOwn().close();
        down = true;
    }

    /**
     * Restarts the PBX: the scenario's own simulator shuts down and starts again on its port; a
     * real PBX runs {@code core restart now} (as its administrator would on the CLI) and is awaited
     * until it answers AMI again. Its SIP registrations outlive the restart (Asterisk keeps
     * contacts in its database); the next scenario's reset re-registers any phone it lost.
     */
    public void restart() {
        if (target.inProcess()) {
            shutDown();
            startAgain();
            return;
        }
        channels().restartNow();
        await("the PBX back after its restart")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> channels().command("core waitfullybooted") != null);
    }

    /** The same PBX configuration starts again on the same AMI port. */
    public void startAgain() {
        requireOwn();
        own = ownOptions
                .apply(UcmSimulator.builder().amiPort(ownPort).authFailureDelay(Duration.ZERO))
                .start();
        down = false;
    }

    private UcmSimulator requireOwn() {
        if (own == null) {
            throw new IllegalStateException(
                    "only a PBX started for this scenario can be shut down: the shared one serves every scenario");
        }
        return own;
    }

    /** Closes this scenario's own PBX, if it started one. */
    public void close() {
        if (own != null && !down) {
            own.close();
        }
        own = null;
        down = false;
    }

    /** On a real PBX, time its own timers take (a ring timeout), added to every later await of the scenario. */
    public void allowFor(Duration time) {
        if (target.inProcess()) {
            throw new IllegalStateException("the in-process PBX's clock is moved, not waited for");
        }
        allowance = allowance.plus(time);
    }

    /**
     * How long an answer may take: a real UCM delays failed logins by about a second, SIP set-up
     * takes seconds, and a ring timeout the scenario let pass on a real PBX takes its own time.
     */
    public Duration answerTimeout() {
        return target.inProcess()
                ? Duration.ofSeconds(5)
                : Duration.ofSeconds(20).plus(allowance);
    }
}
