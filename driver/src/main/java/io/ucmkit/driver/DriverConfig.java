package io.ucmkit.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The UCM "Communication Settings" plus the driver's timeouts and policies. Build with
 * {@link #builder()}; every setting has a default except address, username and password.
 *
 * <p>{@link #toString()} masks the password: a config may be logged.
 *
 * <p>Over 300 lines for a reason: it is one value, and its builder, its checks ({@link #problems()}) and its
 * masked {@code toString} each list every setting, so a setting added is added in one file; most of the length is
 * the builder's one-line setters and the documentation of each default.
 *
 * @param address          PBX host name or IP
 * @param port             AMI port; default 7777, the UCM plain AMI port (docs/ami.md §7.4)
 * @param loginMode        default {@link LoginMode#MD5}
 * @param tls              AMI over TLS (UCM port 5039 unverified, docs/ami.md §7.4); default off
 * @param tlsTrustCertificate PEM file of the PBX's certificate or of its CA, the only certificates then trusted
 *                         (a UCM's is usually self-signed); null: the JDK's trust store. Host names are verified
 *                         either way
 * @param connectTimeout   TCP connect, then again for the banner ("accepted the connection but sent no AMI
 *                         banner within …"); default 5 s
 * @param actionTimeout    deadline of every action, the login's Challenge and Login and the first ListCommands
 *                         included ("did not answer the login", "accepted the login but then answered nothing");
 *                         default 10 s
 * @param keepaliveInterval Ping period; default 15 s
 * @param keepaliveTimeout  a Ping without Pong within this is a lost connection ("keepalive missed"), unless the
 *                         PBX sent something meanwhile (the Pong may be queued behind a burst): then only
 *                         {@code failureThreshold} such Pings in a row are; default 5 s
 * @param channelTech      {@code PJSIP} (UCM63xx) or {@code SIP} (older UCM61xx/62xx, docs/ami.md §7.5)
 * @param context          dialplan context for Call Phone; default {@code from-internal}
 * @param ivrFirst         first IVR number (UCM default range 7000–7100, docs/ami.md §7.5)
 * @param ivrLast          last IVR number
 * @param eventQueueCapacity events buffered for subscribers before overflow is counted; default 65,536, for each
 *                         of the two queues (driver events; raw AMI events, used only while {@code subscribeAmi}
 *                         has subscribers). A queued Newchannel-sized AMI event holds about 1 KB of heap
 * @param failureThreshold consecutive action failures (timeouts) that make the asset Fault; default 3. Also the
 *                         Pongs in a row a PBX that keeps sending may miss before the connection is dropped
 */
public record DriverConfig(
        String address,
        int port,
        String username,
        String password,
        LoginMode loginMode,
        boolean tls,
        Path tlsTrustCertificate,
        Duration connectTimeout,
        Duration actionTimeout,
        Duration keepaliveInterval,
        Duration keepaliveTimeout,
        ReconnectDelay reconnect,
        String channelTech,
        String context,
        int ivrFirst,
        int ivrLast,
        int eventQueueCapacity,
        int failureThreshold,
        ReconnectDelay refusedLoginRetry) {

    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9_\\-]+");

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.address = address;
        b.port = port;
        b.username = username;
        b.password = password;
        b.loginMode = loginMode;
        b.tls = tls;
        b.tlsTrustCertificate = tlsTrustCertificate;
        b.connectTimeout = connectTimeout;
        b.actionTimeout = actionTimeout;
        b.keepaliveInterval = keepaliveInterval;
        b.keepaliveTimeout = keepaliveTimeout;
        b.reconnect = reconnect;
        b.channelTech = channelTech;
        b.context = context;
        b.ivrFirst = ivrFirst;
        b.ivrLast = ivrLast;
        b.eventQueueCapacity = eventQueueCapacity;
        b.failureThreshold = failureThreshold;
        b.refusedLoginRetry = refusedLoginRetry;
        return b;
    }

    /**
     * What makes this configuration unusable, in words an operator can act on; empty when it can work.
     * A driver with problems does not connect: its asset is No Communication with these as the reason.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (blank(address)) {
            problems.add("address is missing");
        }
        if (port < 1 || port > 65_535) {
            problems.add("port must be 1-65535, was " + port);
        }
        if (blank(username)) {
            problems.add("username is missing");
        }
        if (password == null || password.isEmpty()) {
            problems.add("password is missing (set UCMKIT_PASSWORD or 'password' in the config file)");
        }
        if (tlsTrustCertificate != null) {
            String problem = tls
                    ? AmiTls.trustProblem(tlsTrustCertificate)
                    : "tlsTrustCertificate " + tlsTrustCertificate + " is set but tls is off";
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!"PJSIP".equals(channelTech) && !"SIP".equals(channelTech)) {
            problems.add("channelTech must be PJSIP or SIP, was " + channelTech);
        }
        if (context == null || !CONTEXT.matcher(context).matches()) {
            problems.add("context must be a dialplan context name, was " + context);
        }
        if (ivrFirst > ivrLast) {
            problems.add("ivrFirst " + ivrFirst + " is above ivrLast " + ivrLast);
        }
        if (eventQueueCapacity < 1) {
            problems.add("eventQueueCapacity must be >= 1, was " + eventQueueCapacity);
        }
        for (var d : List.of(connectTimeout, actionTimeout, keepaliveInterval, keepaliveTimeout)) {
            if (d == null || d.isNegative() || d.isZero()) {
                problems.add("timeouts must be > 0");
                break;
            }
        }
        if (failureThreshold < 1) {
            problems.add("failureThreshold must be >= 1, was " + failureThreshold);
        }
        return problems;
    }

    public boolean isIvr(String extension) {
        if (extension == null || extension.isEmpty() || extension.length() > 9) {
            return false;
        }
        for (int i = 0; i < extension.length(); i++) {
            if (!Character.isDigit(extension.charAt(i))) {
                return false;
            }
        }
        int n = Integer.parseInt(extension);
        return n >= ivrFirst && n <= ivrLast;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "DriverConfig[address=" + address + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : "********") + ", loginMode=" + loginMode
                + ", tls=" + tls + (tlsTrustCertificate == null ? "" : ", tlsTrustCertificate=" + tlsTrustCertificate)
                + ", connectTimeout=" + connectTimeout + ", actionTimeout=" + actionTimeout
                + ", keepaliveInterval=" + keepaliveInterval + ", keepaliveTimeout=" + keepaliveTimeout
                + ", reconnect=" + reconnect + ", channelTech=" + channelTech + ", context=" + context
                + ", ivr=" + ivrFirst + "-" + ivrLast + ", eventQueueCapacity=" + eventQueueCapacity
                + ", failureThreshold=" + failureThreshold + "]";
    }

    /** Fills a {@link DriverConfig}; the defaults are those documented on the record. */
    public static final class Builder {
        private String address;
        private int port = 7777;
        private String username;
        private String password;
        private LoginMode loginMode = LoginMode.MD5;
        private boolean tls;
        private Path tlsTrustCertificate;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration actionTimeout = Duration.ofSeconds(10);
        private Duration keepaliveInterval = Duration.ofSeconds(15);
        private Duration keepaliveTimeout = Duration.ofSeconds(5);
        private ReconnectDelay reconnect = ReconnectDelay.defaults();
        private String channelTech = "PJSIP";
        private String context = "from-internal";
        private int ivrFirst = 7000;
        private int ivrLast = 7100;
        private int eventQueueCapacity = 65_536;
        private int failureThreshold = 3;
        private ReconnectDelay refusedLoginRetry = ReconnectDelay.refusedLogin();

        private Builder() {}

        public Builder address(String v) {
            address = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder username(String v) {
            username = v;
            return this;
        }

        public Builder password(String v) {
            password = v;
            return this;
        }

        public Builder loginMode(LoginMode v) {
            loginMode = v;
            return this;
        }

        public Builder tls(boolean v) {
            tls = v;
            return this;
        }

        public Builder tlsTrustCertificate(Path v) {
            tlsTrustCertificate = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder actionTimeout(Duration v) {
            actionTimeout = v;
            return this;
        }

        public Builder keepaliveInterval(Duration v) {
            keepaliveInterval = v;
            return this;
        }

        public Builder keepaliveTimeout(Duration v) {
            keepaliveTimeout = v;
            return this;
        }

        public Builder reconnect(ReconnectDelay v) {
            reconnect = v;
            return this;
        }

        public Builder channelTech(String v) {
            channelTech = v;
            return this;
        }

        public Builder context(String v) {
            context = v;
            return this;
        }

        public Builder ivrRange(int first, int last) {
            ivrFirst = first;
            ivrLast = last;
            return this;
        }

        public Builder eventQueueCapacity(int v) {
            eventQueueCapacity = v;
            return this;
        }

        public Builder failureThreshold(int v) {
            failureThreshold = v;
            return this;
        }
        /** How long to wait after a refused login (default 30 s, doubling up to 10 min). */
        public Builder refusedLoginRetry(ReconnectDelay v) {
            refusedLoginRetry = v;
            return this;
        }

        public DriverConfig build() {
            return new DriverConfig(
                    address,
                    port,
                    username,
                    password,
                    loginMode,
                    tls,
                    tlsTrustCertificate,
                    connectTimeout,
                    actionTimeout,
                    keepaliveInterval,
                    keepaliveTimeout,
                    reconnect,
                    channelTech,
                    context,
                    ivrFirst,
                    ivrLast,
                    eventQueueCapacity,
                    failureThreshold,
                    refusedLoginRetry);
        }
    }
}
