package io.ucmkit.simulator.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asterisk's manager permission classes as bits (include/asterisk/manager.h, docs/ami.md §2.5), and the
 * conversions Asterisk performs: a class list to a mask ({@code all} = every bit) and a mask to the
 * {@code Privilege:} text of an event, which always ends in {@code ,all} because {@code all} is
 * {@code INT_MAX} (docs/ami.md §1.4).
 */
public final class Privileges {

    /** One entry of Asterisk's {@code perms[]}: a class name and its {@code EVENT_FLAG_*} bit. */
    private record Perm(String name, int bit) {}

    /**
     * Asterisk's {@code perms[]} in its order, which is also the order of the {@code Privilege:}
     * text. The bits are explicit, not positions: {@code perms[]} leaves out hookresponse (1 << 14),
     * and message is 1 << 30 (docs/ami.md §2.5).
     */
    private static final List<Perm> PERMS = List.of(
            new Perm("system", 1 << 0),
            new Perm("call", 1 << 1),
            new Perm("log", 1 << 2),
            new Perm("verbose", 1 << 3),
            new Perm("command", 1 << 4),
            new Perm("agent", 1 << 5),
            new Perm("user", 1 << 6),
            new Perm("config", 1 << 7),
            new Perm("dtmf", 1 << 8),
            new Perm("reporting", 1 << 9),
            new Perm("cdr", 1 << 10),
            new Perm("dialplan", 1 << 11),
            new Perm("originate", 1 << 12),
            new Perm("agi", 1 << 13),
            new Perm("cc", 1 << 15),
            new Perm("aoc", 1 << 16),
            new Perm("test", 1 << 17),
            new Perm("security", 1 << 18),
            new Perm("message", 1 << 30));

    /** The class names in {@code perms[]} order. */
    public static final List<String> NAMES = PERMS.stream().map(Perm::name).toList();

    public static final int SYSTEM = bit("system");
    public static final int CALL = bit("call");
    public static final int COMMAND = bit("command");
    public static final int USER = bit("user");
    public static final int REPORTING = bit("reporting");
    public static final int DIALPLAN = bit("dialplan");
    public static final int ORIGINATE = bit("originate");
    public static final int SECURITY = bit("security");
    public static final int DTMF = bit("dtmf");
    /** {@code all}: Asterisk uses INT_MAX. */
    public static final int ALL = Integer.MAX_VALUE;

    private Privileges() {}

    /** The bit of one class name, or 0 when the name is unknown. */
    public static int bit(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Perm p : PERMS) {
            if (p.name().equals(n)) {
                return p.bit();
            }
        }
        return 0;
    }

    /** True when the name is a class or {@code all}. */
    public static boolean isKnown(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals("all") || NAMES.contains(n);
    }

    /** The mask of a class list as manager.conf {@code read=}/{@code write=} would give it. */
    public static int mask(List<String> classes) {
        int mask = 0;
        for (String c : classes) {
            for (String part : c.split(",")) {
                if (part.trim().equalsIgnoreCase("all")) {
                    return ALL;
                }
                mask |= bit(part);
            }
        }
        return mask;
    }

    /** The event {@code Privilege:} value of a class mask, e.g. {@code call,all} (docs/ami.md §1.4). */
    public static String eventPrivilege(int mask) {
        return names(mask) + ",all";
    }

    /** The {@code (Priv: …)} text of ListCommands: {@code <none>} for 0, else the classes plus {@code all}. */
    public static String listCommandsPrivilege(int mask) {
        return mask == 0 ? "<none>" : names(mask) + ",all";
    }

    private static String names(int mask) {
        List<String> out = new ArrayList<>();
        for (Perm p : PERMS) {
            if ((mask & p.bit()) != 0) {
                out.add(p.name());
            }
        }
        return String.join(",", out);
    }
}
