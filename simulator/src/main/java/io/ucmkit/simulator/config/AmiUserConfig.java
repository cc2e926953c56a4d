package io.ucmkit.simulator.config;

import java.util.List;

/**
 * One AMI user as a UCM stores it (docs/ami.md §7.2): username (≥ 8 chars on a UCM), secret, permitted
 * {@code ip/netmask} list (empty denies every address) and read/write privilege classes.
 * {@link #toString()} masks the secret so it never reaches a log.
 */
public record AmiUserConfig(
        String username, String secret, List<String> permit, List<String> read, List<String> write) {

    public AmiUserConfig {
        permit = permit == null ? List.of() : List.copyOf(permit);
        read = read == null ? List.of() : List.copyOf(read);
        write = write == null ? List.of() : List.copyOf(write);
    }

    @Override
    public String toString() {
        return "AmiUserConfig[username=" + username + ", secret=****, permit=" + permit + ", read=" + read + ", write="
                + write + "]";
    }
}
