package io.ucmkit.simulator.call;

/** Q.931 causes with the {@code Cause-txt} of {@code main/channel.c causes[]} (docs/ami.md §4.2). */
enum HangupCause {
    NOT_DEFINED(0, "Unknown"),
    UNALLOCATED(1, "Unallocated (unassigned) number"),
    NO_ROUTE_DESTINATION(3, "No route to destination"),
    NORMAL_CLEARING(16, "Normal Clearing"),
    USER_BUSY(17, "User busy"),
    NO_USER_RESPONSE(18, "No user responding"),
    NO_ANSWER(19, "User alerting, no answer"),
    SUBSCRIBER_ABSENT(20, "Subscriber absent"),
    CALL_REJECTED(21, "Call Rejected"),
    ANSWERED_ELSEWHERE(26, "Answered elsewhere"),
    DESTINATION_OUT_OF_ORDER(27, "Destination out of order"),
    NORMAL_UNSPECIFIED(31, "Normal, unspecified"),
    CONGESTION(34, "Circuit/channel congestion"),
    NETWORK_OUT_OF_ORDER(38, "Network out of order"),
    TEMPORARY_FAILURE(41, "Temporary failure"),
    SWITCH_CONGESTION(42, "Switching equipment congestion");

    final int code;
    final String text;

    HangupCause(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The text for any code 0–127; unknown codes print {@code Unknown} as Asterisk does. */
    static String textOf(int code) {
        for (HangupCause c : values()) {
            if (c.code == code) {
                return c.text;
            }
        }
        return "Unknown";
    }

    /**
     * {@code ast_hangup_cause_to_dial_status} (main/dial.c): the DialEnd status of a leg that hung up
     * while it rang. 17 → BUSY (a 486, transcript 41), 34 → CONGESTION, 3 and 20 → CHANUNAVAIL,
     * anything else — 21 from a 603 Decline included — NOANSWER.
     */
    static String dialStatus(int code) {
        return switch (code) {
            case 17 -> "BUSY";
            case 34 -> "CONGESTION";
            case 3, 20 -> "CHANUNAVAIL";
            default -> "NOANSWER";
        };
    }
}
