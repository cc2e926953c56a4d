package io.ucmkit.features.support;

import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.ucmkit.features.wire.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the target cannot serve, by tag, and why. {@link TargetFilter} filters these tags out
 * before the run, whoever starts it (so a run's headline counts only what ran); this class prints,
 * once, how many scenarios were left out and why, checks the target's AMI users before any
 * scenario ({@link AmiPreflight}), and stops a scenario that reaches a target which cannot serve it
 * anyway with the same reason.
 */
public final class TargetScope {

    /** A tag the suite gives scenarios that need more than AMI and soft phones. */
    public enum Need {
        IN_PROCESS(
                "@in-process",
                "starts, restarts or re-clocks a PBX of its own, which only the in-process simulator allows"),
        UCM_ADMIN(
                "@ucm-admin",
                "acts as the UCM administrator in the web GUI (saving AMI users, the user portal's checks), "
                        + "which only a simulator allows"),
        SIMULATOR_ONLY(
                "@simulator-only",
                "needs what only the simulator has: a phone's presence keys and model, a phone "
                        + "that rejects with 603 (baresip always answers 486), the demo PBX's *48 6 custom status"),
        PHONES("@phones", "acts as a phone's user: needs the simulator or soft phone accounts (--phones)"),
        RESTRICTED_USER(
                "@restricted-user",
                "logs in as an AMI user that may read and write only 'call': name it with "
                        + "--restricted USER:PASSWORD"),
        RESTARTS_PBX(
                "@restarts-pbx",
                "restarts the PBX (core restart now over AMI): only where that is allowed "
                        + "(--may-restart; never a UCM in service)"),
        DTMF_IN_BRIDGE(
                "@dtmf-in-bridge",
                "presses keys on a call between two phones: a PBX whose Dial sets no DTMF features "
                        + "(the reference Asterisk's) bridges the RTP natively and reports no key (--no-bridged-dtmf)");

        final String tag;
        final String reason;

        Need(String tag, String reason) {
            this.tag = tag;
            this.reason = reason;
        }
    }

    /** How long the preflight waits for a probe event a user lacking its class never gets (stasis delivers in milliseconds). */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(3);

    private final Pbx pbx;

    public TargetScope(Pbx pbx) {
        this.pbx = pbx;
    }

    /** The needs this run's target cannot serve. */
    public static List<Need> unserved() {
        List<Need> unserved = new ArrayList<>();
        if (Pbx.external()) {
            unserved.add(Need.IN_PROCESS);
            if (Pbx.externalSimulator()
                    || !Pbx.setting("ucmkit.may-restart", "UCMKIT_MAY_RESTART").equals("true")) {
                unserved.add(Need.RESTARTS_PBX);
            }
            if (!Pbx.externalSimulator()) {
                unserved.add(Need.UCM_ADMIN);
                unserved.add(Need.SIMULATOR_ONLY);
                if (!Pbx.softPhonesGiven()) {
                    unserved.add(Need.PHONES);
                }
                if (!Pbx.restrictedUserGiven()) {
                    unserved.add(Need.RESTRICTED_USER);
                }
                if (Pbx.setting("ucmkit.bridged-dtmf", "UCMKIT_BRIDGED_DTMF").equals("false")) {
                    unserved.add(Need.DTMF_IN_BRIDGE);
                }
            }
        }
        return unserved;
    }

    /** The run's headline of what it leaves out: once, with the count, the reasons and the scenarios. */
    @BeforeAll(order = 0)
    public static void listFiltered() {
        List<Need> unserved = unserved();
        if (unserved.isEmpty()) {
            if (Pbx.setting("ucmkit.realpbx", "UCMKIT_REALPBX").isEmpty()) {
                System.out.println(
                        "features: the real-PBX run is skipped: UCMKIT_REALPBX names no PBX (.ci/run sets it where "
                                + "the reference Asterisk is available; docs/hardware.md)");
            }
            return;
        }
        System.out.print(notRunReport(Pbx.externalTarget(), unserved, FeatureIndex.read()));
    }

    /**
     * "not run on this target: N, because …", each reason with the scenarios it leaves out (a
     * scenario with several unserved tags is listed, and counted, once: under the first).
     */
    static String notRunReport(String target, List<Need> unserved, List<FeatureIndex.Entry> index) {
        List<FeatureIndex.Entry> left = index.stream()
                .filter(e -> unserved.stream().anyMatch(n -> e.tags().contains(n.tag)))
                .toList();
        int count = left.stream().mapToInt(FeatureIndex.Entry::examples).sum();
        StringBuilder report = new StringBuilder("features: not run on this target (" + target + "): " + count
                + ", filtered out by tag before the run, because\n");
        for (Need need : unserved) {
            List<FeatureIndex.Entry> these = left.stream()
                    .filter(e -> unserved.stream()
                                    .filter(n -> e.tags().contains(n.tag))
                                    .findFirst()
                                    .orElseThrow()
                            == need)
                    .toList();
            if (these.isEmpty()) {
                continue;
            }
            report.append("  ")
                    .append(need.tag)
                    .append(" (")
                    .append(these.stream()
                            .mapToInt(FeatureIndex.Entry::examples)
                            .sum())
                    .append("): ")
                    .append(need.reason)
                    .append('\n');
            these.forEach(e -> report.append("    ").append(e).append('\n'));
        }
        return report.toString();
    }

    /**
     * Before any scenario against an external PBX: the suite's AMI users may do what the run's
     * scenarios need, or the run stops here listing every class missing and what it breaks.
     */
    @BeforeAll(order = 1)
    public static void preflight() {
        Target target = Pbx.externalPbx();
        if (target == null) {
            return; // the in-process simulator's users are the suite's own demo PBX
        }
        List<String> problems = new ArrayList<>();
        List<AmiPreflight.Need> needs = new ArrayList<>(AmiPreflight.TARGET_USER);
        if (!unserved().contains(Need.RESTARTS_PBX)) {
            needs.add(AmiPreflight.RESTART);
        }
        problems.addAll(AmiPreflight.problems(
                target.host(), target.port(), target.username(), target.password(), needs, PROBE_WAIT));
        String[] restricted = Pbx.restrictedCredentials();
        if (restricted != null && !unserved().contains(Need.RESTRICTED_USER)) {
            problems.addAll(AmiPreflight.problems(
                    target.host(),
                    target.port(),
                    restricted[0],
                    restricted[1],
                    AmiPreflight.RESTRICTED_USER,
                    PROBE_WAIT));
        }
        if (!problems.isEmpty()) {
            String report = "features: preflight against " + target + " failed, no scenario is run:\n  - "
                    + String.join("\n  - ", problems);
            System.out.println(report);
            throw new IllegalStateException(report);
        }
        System.out.println("features: preflight against " + target + ": the AMI users may do what the scenarios need");
    }

    @Before(order = 0)
    public void stopUnserved(Scenario scenario) {
        for (Need need : unserved()) {
            if (scenario.getSourceTagNames().contains(need.tag)) {
                String reason = "not run on " + pbx.target() + ": '" + scenario.getName() + "' " + need.reason
                        + " (TargetFilter leaves " + need.tag + " out of the run before it starts)";
                System.out.println(reason);
                Assumptions.abort(reason);
            }
        }
    }
}
