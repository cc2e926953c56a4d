package io.ucmkit.driver;

/**
 * Why a Call Phone leg was Declined, in the words of {@link DriverEvent.CallStatus}: {@code busy},
 * {@code no-answer}, {@code rejected}, {@code unavailable}; derived from a hangup cause, a DialStatus or an
 * OriginateResponse Reason.
 */
final class DeclineReasons {

    private DeclineReasons() {}

    /** Why a dialled leg did not answer: its cause where the cause says, else its DialStatus. */
    static String refusal(int cause, String dialStatus) {
        String reason = ofCause(cause);
        return reason != null ? reason : ofDialStatus(dialStatus);
    }

    /**
     * The Q.850 cause of a leg that did not answer. chan_pjsip ({@code hangup_sip2cause}) maps the phone's SIP
     * answer: 486 and 600 give 17 (transcripts 41, 42a, 43), 603 Decline, 401, 403 and 407 give 21, 404 and 604 give
     * 1, 480 gives 19, 408 gives 18, 503 gives 34. Cause 16 (normal clearing: someone hung up) and 0 (unknown: a
     * ring timeout, 42b) say nothing about the callee.
     */
    static String ofCause(int cause) {
        return switch (cause) {
            case 17 -> "busy";
            case 18, 19 -> "no-answer";
            case 21 -> "rejected";
            case 1, 3, 20, 27, 34, 38, 41, 42 -> "unavailable";
            default -> null;
        };
    }

    /**
     * A DialStatus that is a refusal. Asterisk derives it from the cause ({@code ast_hangup_cause_to_dial_status}:
     * 17 BUSY, 34 CONGESTION, 3 and 20 CHANUNAVAIL, any other NOANSWER — so a 603 is NOANSWER, hence
     * {@link #refusal} prefers the cause) or from a control frame (BUSY, CONGESTION: Local channels, the simulator).
     */
    static String ofDialStatus(String dialStatus) {
        return switch (dialStatus == null ? "" : dialStatus) {
            case "BUSY" -> "busy";
            case "NOANSWER" -> "no-answer";
            case "CHANUNAVAIL" -> "unavailable";
            case "CONGESTION" -> "rejected";
            default -> null;
        };
    }

    /**
     * The Reason of an OriginateResponse Failure: the control frame that ended the Originate's dial. 0 (no frame:
     * no channel, or the leg hung up — transcripts 09c, 42d, 43) is unavailable; the others come from legs that
     * signal by frames (Local channels, the simulator) or from the Originate's own timeout: 5 busy, 3 ringing when
     * it ended (no-answer), 1 hung up and 8 congestion (rejected).
     */
    static String ofOriginate(String reason) {
        return switch (reason.trim()) {
            case "1", "8" -> "rejected";
            case "3" -> "no-answer";
            case "5" -> "busy";
            default -> "unavailable";
        };
    }

    /** A Cause header as a number; -1 when missing or not a number. */
    static int causeOf(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Integer.parseInt(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
