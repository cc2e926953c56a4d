package io.ucmkit.features.wire;

import java.net.URI;

/**
 * Where the suite runs: the in-process simulator (default) or an external PBX given as
 * {@code -Ducmkit.target=ami://user:pass@host:port} — a separately started simulator or real
 * UCM hardware — or, to keep the password off command lines, as the environment variable
 * {@code UCMKIT_TARGET} ({@code ci/features.sh} uses that). Scenarios that need to act as a
 * phone's user are tagged {@code @phones}, those that need the UCM's web GUI {@code @ucm-admin}
 * ({@code support.TargetScope}).
 */
public record Target(String host, int port, String username, String password, boolean inProcess) {

    public static final String PROPERTY = "ucmkit.target";
    public static final String ENVIRONMENT = "UCMKIT_TARGET";

    /**
     * The target named by a setting (the system property, else the environment: {@code Pbx.setting});
     * null, the in-process simulator, when it is empty.
     */
    public static Target ofSetting(String value) {
        return value.isEmpty() ? null : parse(value);
    }

    /** Parses {@code ami://user:pass@host:port}, saying what is wrong if it is malformed. */
    public static Target parse(String value) {
        URI uri = URI.create(value);
        if (!"ami".equals(uri.getScheme())
                || uri.getUserInfo() == null
                || !uri.getUserInfo().contains(":")
                || uri.getHost() == null
                || uri.getPort() < 0) {
            throw new IllegalArgumentException(PROPERTY + " must look like ami://user:password@host:port, was '"
                    + value.replaceAll(":[^:@/]*@", ":********@") + "'");
        }
        String[] user = uri.getUserInfo().split(":", 2);
        return new Target(uri.getHost(), uri.getPort(), user[0], user[1], false);
    }

    @Override
    public String toString() {
        return inProcess
                ? "in-process simulator on " + host + ":" + port
                : "ami://" + username + ":********@" + host + ":" + port;
    }
}
