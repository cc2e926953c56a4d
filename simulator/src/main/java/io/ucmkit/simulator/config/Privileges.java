package io.ucmkit.simulator.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asterisk's manager permission classes as bits (include/asterisk/manager.h, AMI.md §2.5), and the
 * conversions Asterisk performs: a class list to a mask ({@code all} = every bit) and a mask to the
 * {@code Privilege:} text of an event, which always ends in {@code ,all} because {@code all} is
 * {@code INT_MAX} (AMI.md §1.4).
 */
public final class Privileges {

  /** In Asterisk's {@code perms[]} order, bit i = 1 << i. */
  public static final List<String> NAMES = List.of("system", "call", "log", "verbose", "command", "agent", "user",
      "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security", "message");

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

  private Privileges() {
  }

  /** The bit of one class name, or 0 when the name is unknown. */
  public static int bit(String name) {
    int i = NAMES.indexOf(name.trim().toLowerCase(Locale.ROOT));
    return i < 0 ? 0 : 1 << i;
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

  /** The class mask of an event's {@code Privilege:} value, e.g. {@code call,all} → call (the {@code all} is only printed). */
  public static int ofEventPrivilege(String value) {
    int mask = 0;
    for (String part : value.split(",")) {
      mask |= bit(part);
    }
    return mask;
  }

  /** The event {@code Privilege:} value of a class mask, e.g. {@code call,all} (AMI.md §1.4). */
  public static String eventPrivilege(int mask) {
    return names(mask) + ",all";
  }

  /** The {@code (Priv: …)} text of ListCommands: {@code <none>} for 0, else the classes plus {@code all}. */
  public static String listCommandsPrivilege(int mask) {
    return mask == 0 ? "<none>" : names(mask) + ",all";
  }

  private static String names(int mask) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        out.add(NAMES.get(i));
      }
    }
    return String.join(",", out);
  }
}
