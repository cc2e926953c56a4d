package io.ucmkit.features.support;

import io.cucumber.java.ParameterType;
import io.ucmkit.features.phones.PhoneBehaviour;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the integration guide as Cucumber parameter types, so a step reads
 * {@code extension 1001 is "Do Not Disturb"} and a typo in a feature fails at once instead of
 * reaching the PBX as a value it cannot know.
 */
public final class ParameterTypes {

    /** The six UCM presence statuses as the user portal names them, and their AMI/API value. */
    private static final Map<String, String> PRESENCE = Map.of(
            "available",
            "available",
            "away",
            "away",
            "chat",
            "chat",
            "do not disturb",
            "dnd",
            "dnd",
            "dnd",
            "custom",
            "custom",
            "unavailable",
            "unavailable");

    /** An extension number (or an IVR number): 2 to 10 digits. */
    @ParameterType("\\d{2,10}")
    public String extension(String number) {
        return number;
    }

    /** A System Asset state as the operator sees it. */
    @ParameterType("Normal|Masked|Fault|Acknowledged|No Communication")
    public String assetState(String state) {
        return state;
    }

    /** A presence status in quotes, as the portal shows it ("Do Not Disturb") or as AMI writes it ("dnd"). */
    @ParameterType("\"([A-Za-z ]+)\"")
    public String presenceStatus(String status) {
        String value = PRESENCE.get(status.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException("'" + status + "' is not a UCM presence status; the six are "
                    + "Available, Away, Chat, Do Not Disturb, Custom and Unavailable");
        }
        return value;
    }

    /** How a phone deals with calls (the simulator's answer modes; a soft phone acts them out). */
    @ParameterType("answers by itself|is answered by hand|rejects every call|is busy|does not answer|is not registered")
    public PhoneBehaviour phoneBehaviour(String behaviour) {
        return switch (behaviour) {
            case "answers by itself" -> PhoneBehaviour.ANSWERS_BY_ITSELF;
            case "is answered by hand" -> PhoneBehaviour.ANSWERED_BY_HAND;
            case "rejects every call" -> PhoneBehaviour.REJECTS_EVERY_CALL;
            case "is busy" -> PhoneBehaviour.BUSY;
            case "does not answer" -> PhoneBehaviour.DOES_NOT_ANSWER;
            default -> PhoneBehaviour.NOT_REGISTERED;
        };
    }

    /** An asset command, System Asset vocabulary. */
    @ParameterType("Mask|Acknowledge|Reset|Cancel")
    public String assetCommand(String command) {
        return command;
    }
}
