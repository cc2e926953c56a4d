package io.ucmkit.simulator.ami;

import io.ucmkit.simulator.config.Privileges;
import java.util.List;
import java.util.Locale;

/** Events (docs/ami.md §2.1): sets the session's event mask; answers {@code Events: On|Off} without Message. */
final class EventsAction implements ActionHandler {

    @Override
    public void handle(ActionContext ctx) {
        String mask = ctx.request().get("EventMask", "");
        if (mask.isEmpty()) {
            ctx.error("Invalid event mask");
            return;
        }
        int m = parseMask(mask);
        ctx.session().eventMask(m);
        ctx.reply(AmiResponses.success(ctx.request(), null)
                .add("Events", m != 0 ? "On" : "Off")
                .build());
    }

    /** Asterisk's strings_to_mask: absent/on/yes/true = all, off/no/false = none, a number, or a class list. */
    static int parseMask(String value) {
        if (value == null) {
            return Privileges.ALL;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "on", "yes", "true" -> {
                return Privileges.ALL;
            }
            case "off", "no", "false", "" -> {
                return 0;
            }
            default -> {
                if (v.chars().allMatch(Character::isDigit)) {
                    try {
                        return Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        return Privileges.ALL;
                    }
                }
                return Privileges.mask(List.of(v.split(",")));
            }
        }
    }
}
