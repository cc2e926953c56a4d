package io.ucmkit.simulator.admin;

import java.util.List;

/**
 * One AMI user as a UCM stores it: username, secret, the {@code ip/netmask} list it may log in
 * from (empty denies every address) and its read/write privilege classes. Over HTTP the secret
 * reads {@code ****}. {@link #toString()} masks the secret so it never reaches a log.
 */
public record AmiUserInfo(String username, String secret, List<String> permit, List<String> read, List<String> write) {

    public AmiUserInfo {
        permit = permit == null ? List.of() : List.copyOf(permit);
        read = read == null ? List.of() : List.copyOf(read);
        write = write == null ? List.of() : List.copyOf(write);
    }

    /** This user with another secret (to save a user read over HTTP, whose secret is masked). */
    public AmiUserInfo withSecret(String newSecret) {
        return new AmiUserInfo(username, newSecret, permit, read, write);
    }

    @Override
    public String toString() {
        return "AmiUserInfo[username=" + username + ", secret=****, permit=" + permit + ", read=" + read + ", write="
                + write + "]";
    }
}
