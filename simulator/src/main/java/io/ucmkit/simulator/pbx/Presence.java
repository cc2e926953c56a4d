package io.ucmkit.simulator.pbx;

import java.util.List;
import java.util.Locale;

/**
 * An Asterisk presence value (AMI.md §5.1): state (lower case on the wire), subtype and message.
 * {@code not_set} is what a never-written CustomPresence provider reports.
 */
public record Presence(String state, String subtype, String message) {

  /** Asterisk's wire strings; parsing is case-insensitive. */
  public static final List<String> STATES = List.of("not_set", "unavailable", "available", "away", "xa", "chat", "dnd");

  public static final Presence NOT_SET = new Presence("not_set", "", "");
  public static final Presence AVAILABLE = new Presence("available", "", "");

  public Presence {
    subtype = subtype == null ? "" : subtype;
    message = message == null ? "" : message;
  }

  /**
   * Parses {@code state[,subtype[,message[,options]]]} as func_presencestate does, or returns null
   * for an invalid state (Asterisk then publishes nothing, AMI.md §5.2).
   */
  public static Presence parse(String value) {
    String[] parts = value.split(",", 4);
    String state = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!STATES.contains(state)) {
      return null;
    }
    return new Presence(state, parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
  }

  /**
   * The UCM status a phone or the GUI shows for this value (AMI.md §5.3): the six statuses, with
   * Custom encoded as {@code available} + subtype {@code custom} + the text (a design choice).
   */
  public String ucmStatus() {
    if (subtype.equals("custom")) {
      return "custom";
    }
    return switch (state) {
      case "away", "xa" -> "away";
      case "chat" -> "chat";
      case "dnd" -> "dnd";
      case "unavailable" -> "unavailable";
      default -> "available";
    };
  }

  /** Builds the value for a UCM status; {@code text} is used for custom only (≤ 64 chars). */
  public static Presence ofUcm(String status, String text) {
    return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
      case "available" -> AVAILABLE;
      case "away" -> new Presence("away", "", "");
      case "chat" -> new Presence("chat", "", "");
      case "dnd" -> new Presence("dnd", "", "");
      case "unavailable" -> new Presence("unavailable", "", "");
      case "custom" -> {
        if (text == null || text.isEmpty() || text.length() > 64 || text.contains("\r") || text.contains("\n")) {
          throw new IllegalArgumentException("text: 1 to 64 characters required for status custom");
        }
        yield new Presence("available", "custom", text);
      }
      default -> throw new IllegalArgumentException(
          "status: '" + status + "' is not one of available|away|chat|dnd|custom|unavailable");
    };
  }
}
