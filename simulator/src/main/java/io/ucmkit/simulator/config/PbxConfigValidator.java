package io.ucmkit.simulator.config;

import io.ucmkit.simulator.admin.AnswerMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link PbxConfig}'s values and reports every problem at once, each naming the field
 * (JSON-path style) and what is allowed.
 */
public final class PbxConfigValidator {

    static final List<String> ANSWER_MODES = AnswerMode.wires();
    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");
    /** A UCM gives IVRs 7000-7100 in its default extension ranges (docs/ami.md §7.5). */
    private static final Pattern IVR_NUMBER = Pattern.compile("70[0-9]{2}|7100");

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private PbxConfigValidator() {}

    /** Throws a {@link PbxConfigException} listing every problem of {@code c}, if it has any. */
    public static void validate(PbxConfig c) {
        List<PbxConfigProblem> problems = problems(c);
        if (!problems.isEmpty()) {
            throw new PbxConfigException(null, problems);
        }
    }

    /** Every problem of {@code c}, in the order of its fields; empty when the simulator can run it. */
    public static List<PbxConfigProblem> problems(PbxConfig c) {
        List<PbxConfigProblem> problems = new ArrayList<>();
        Check require = (ok, field, value, allowed) -> {
            if (!ok) {
                problems.add(PbxConfigProblem.invalid(field, value, allowed));
            }
        };
        require.check(
                c.asteriskVersion() == 20 || c.asteriskVersion() == 13,
                "asteriskVersion",
                c.asteriskVersion(),
                "20 or 13");
        require.check(
                "PJSIP".equals(c.channelTech()) || "SIP".equals(c.channelTech()),
                "channelTech",
                c.channelTech(),
                "PJSIP or SIP");
        require.check(
                c.context() != null && c.context().matches("[A-Za-z0-9_-]+"),
                "context",
                c.context(),
                "a dialplan context name (letters, digits, '_' or '-')");
        require.check(!c.amiUsers().isEmpty(), "amiUsers", "[]", "at least one AMI user");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < c.amiUsers().size(); i++) {
            validateUser("amiUsers[" + i + "]", c.amiUsers().get(i), require);
            require.check(
                    c.amiUsers().get(i).username() == null
                            || names.add(c.amiUsers().get(i).username()),
                    "amiUsers[" + i + "].username",
                    c.amiUsers().get(i).username(),
                    "a unique name");
        }
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < c.extensions().size(); i++) {
            ExtensionConfig e = c.extensions().get(i);
            String f = "extensions[" + i + "]";
            require.check(
                    e.number() != null && NUMBER.matcher(e.number()).matches(),
                    f + ".number",
                    e.number(),
                    "2 to 10 digits");
            require.check(
                    e.number() == null || numbers.add(e.number()),
                    f + ".number",
                    e.number(),
                    "a number not used twice");
            require.check(
                    e.model() != null && !e.model().isBlank(),
                    f + ".model",
                    e.model(),
                    "a phone model such as GXP2170");
            require.check(
                    ANSWER_MODES.contains(e.answerMode()),
                    f + ".answerMode",
                    e.answerMode(),
                    String.join(" | ", ANSWER_MODES));
            require.check(
                    e.answerDelayMs() >= 0 && e.answerDelayMs() <= AnswerMode.MAX_DELAY_MS,
                    f + ".answerDelayMs",
                    e.answerDelayMs(),
                    "0.." + AnswerMode.MAX_DELAY_MS);
            require.check(
                    e.declineWith() == 486 || e.declineWith() == 603, f + ".declineWith", e.declineWith(), "486 | 603");
        }
        for (int i = 0; i < c.extensions().size(); i++) {
            ExtensionConfig e = c.extensions().get(i);
            List<String> supported = PhoneModels.keyTypes(e.model());
            for (int j = 0; j < e.keys().size(); j++) {
                WatchKeyConfig k = e.keys().get(j);
                String f = "extensions[" + i + "].keys[" + j + "]";
                require.check(
                        k.type() != null && supported.contains(k.type()),
                        f + ".type",
                        k.type(),
                        supported.isEmpty()
                                ? "none: model " + e.model() + " has no presence keys"
                                : "for model " + e.model() + ": " + supported);
                require.check(
                        k.monitors() != null
                                && numbers.contains(k.monitors())
                                && !k.monitors().equals(e.number()),
                        f + ".monitors",
                        k.monitors(),
                        "another configured extension");
            }
        }
        for (int i = 0; i < c.ivrs().size(); i++) {
            IvrConfig ivr = c.ivrs().get(i);
            require.check(
                    ivr.number() != null && IVR_NUMBER.matcher(ivr.number()).matches(),
                    "ivrs[" + i + "].number",
                    ivr.number(),
                    "7000 to 7100 (the UCM's IVR range)");
            require.check(
                    ivr.number() == null || numbers.add(ivr.number()),
                    "ivrs[" + i + "].number",
                    ivr.number(),
                    "a number no extension uses");
        }
        FeatureCodes fc = c.featureCodes();
        for (String[] code : new String[][] {
            {"presence", fc.presence()}, {"listen", fc.listen()}, {"whisper", fc.whisper()}, {"barge", fc.barge()}
        }) {
            require.check(
                    code[1].matches("\\*[0-9]{1,4}"),
                    "featureCodes." + code[0],
                    code[1],
                    "'*' followed by 1 to 4 digits");
        }
        return problems;
    }

    /** One rule: when {@code ok} is false, {@code field} holds {@code value} and only {@code allowed} would do. */
    @FunctionalInterface
    private interface Check {
        void check(boolean ok, String field, Object value, String allowed);
    }

    private static void validateUser(String f, AmiUserConfig u, Check require) {
        // A UCM refuses AMI user names shorter than 8 characters (docs/ami.md §7.2).
        require.check(
                u.username() != null && u.username().matches("[A-Za-z0-9_.-]{8,32}"),
                f + ".username",
                u.username(),
                "8 to 32 letters, digits, '_', '.' or '-'");
        require.check(
                u.secret() != null && !u.secret().isEmpty() && u.secret().matches("[^\\r\\n]{1,64}"),
                f + ".secret",
                "****",
                "1 to 64 characters without line breaks");
        for (int j = 0; j < u.permit().size(); j++) {
            require.check(
                    validPermit(u.permit().get(j)),
                    f + ".permit[" + j + "]",
                    u.permit().get(j),
                    "ip/netmask such as 127.0.0.1/255.255.255.255");
        }
        for (int j = 0; j < u.read().size(); j++) {
            require.check(
                    Privileges.isKnown(u.read().get(j)),
                    f + ".read[" + j + "]",
                    u.read().get(j),
                    "all or one of " + Privileges.NAMES);
        }
        for (int j = 0; j < u.write().size(); j++) {
            require.check(
                    Privileges.isKnown(u.write().get(j)),
                    f + ".write[" + j + "]",
                    u.write().get(j),
                    "all or one of " + Privileges.NAMES);
        }
    }

    static boolean validPermit(String permit) {
        String[] parts = permit.split("/", -1);
        return parts.length == 2 && ipv4(parts[0]) && ipv4(parts[1]);
    }

    private static boolean ipv4(String s) {
        var m = IPV4.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }
}
