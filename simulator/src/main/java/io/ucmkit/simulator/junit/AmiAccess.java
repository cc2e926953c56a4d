package io.ucmkit.simulator.junit;

import io.ucmkit.simulator.UcmSimulator;
import io.ucmkit.simulator.config.AmiUserConfig;
import java.util.List;
import java.util.Map;

/**
 * Where and as whom a client under test logs in to the simulator's AMI: what a driver or an
 * asterisk-java {@code ManagerConnection} needs ({@code host}, {@code port}, {@code username},
 * {@code secret}). Injected by {@link UcmSimulatorExtension}; {@link AmiUser} picks the user.
 */
public record AmiAccess(String host, int port, String username, String secret) {

    /**
     * The user injected without {@link AmiUser}: the first configured AMI user that reads and writes
     * {@code all} ({@code amiadmin} in the demo PBX), else the first one.
     */
    static final String DEFAULT_USER = "";

    static AmiAccess of(UcmSimulator simulator, String username) {
        Map<String, String> users = simulator.amiUsers();
        List<AmiUserConfig> configured = simulator.amiServer().users();
        String user = username.isEmpty()
                ? configured.stream()
                        .filter(u -> u.read().contains("all") && u.write().contains("all"))
                        .findFirst()
                        .or(() -> configured.stream().findFirst())
                        .map(AmiUserConfig::username)
                        .orElseThrow(() -> new IllegalStateException("the simulator's PBX config has no AMI user"))
                : username;
        String secret = users.get(user);
        if (secret == null) {
            throw new IllegalArgumentException(
                    "no AMI user '" + user + "' in the simulator's PBX config; it has " + users.keySet());
        }
        return new AmiAccess("127.0.0.1", simulator.amiPort(), user, secret);
    }

    /** The secret never goes into test reports or logs. */
    @Override
    public String toString() {
        return "AmiAccess[" + username + "@" + host + ":" + port + ", secret ****]";
    }
}
