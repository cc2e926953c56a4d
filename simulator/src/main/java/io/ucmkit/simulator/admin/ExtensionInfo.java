package io.ucmkit.simulator.admin;

/**
 * A snapshot of one extension and its phone, as the control API shows it: presence is the UCM
 * status ({@code available|away|chat|dnd|custom|unavailable}) plus its text, and the raw Asterisk
 * presence value; {@code status}/{@code statusText} are the hint's extension state; {@code contact} is the
 * phone's {@code ip:port} while registered, empty otherwise.
 */
public record ExtensionInfo(
        String number,
        String name,
        String model,
        boolean registered,
        String contact,
        String answerMode,
        int answerDelayMs,
        String presence,
        String presenceText,
        String presenceState,
        String hint,
        int status,
        String statusText,
        String deviceState) {}
