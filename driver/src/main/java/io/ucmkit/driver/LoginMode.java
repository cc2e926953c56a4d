package io.ucmkit.driver;

/** How the driver logs in (docs/ami.md §2.1, §2.2). */
public enum LoginMode {
    /** Challenge/MD5 only: the secret never crosses the wire. The default. */
    MD5,
    /** Challenge/MD5; plain {@code Secret:} only when the PBX refuses the Challenge action itself. */
    MD5_OR_PLAIN,
    /** Plain {@code Secret:} login. */
    PLAIN
}
