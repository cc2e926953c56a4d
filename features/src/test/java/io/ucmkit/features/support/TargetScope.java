package io.ucmkit.features.support;

import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the target cannot serve, by tag, and why. {@code ci/features.sh} (and the real-PBX run of
 * {@code mvn verify}) filters these tags out before the run; this class prints, once, every
 * scenario left out with its reason, and stops a scenario that reaches a target which cannot
 * serve it anyway (a run started without the filter) with the same reason.
 */
public final class TargetScope {

    /** A tag the suite gives scenarios that need more than AMI and soft phones. */
    public enum Need {
        IN_PROCESS("@in-process", "starts, restarts or re-clocks a PBX of its own, which only the in-process simulator allows"),
        UCM_ADMIN("@ucm-admin", "acts as the UCM administrator in the web GUI (saving AMI users, the user portal's checks), "
                + "which only a simulator allows"),
        SIMULATOR_ONLY("@simulator-only", "needs what only the simulator has: a phone's presence keys and model, a phone "
                + "that rejects with 603 (baresip always answers 486), the demo PBX's *48 6 custom status"),
        PHONES("@phones", "acts as a phone's user: needs the simulator or soft phone accounts (--phones)"),
        RESTRICTED_USER("@restricted-user", "logs in as an AMI user that may read and write only 'call': name it with "
                + "--restricted USER:PASSWORD"),
        RESTARTS_PBX("@restarts-pbx", "restarts the PBX (core restart now over AMI): only where that is allowed "
                + "(--may-restart; never a UCM in service)"),
        DTMF_IN_BRIDGE("@dtmf-in-bridge", "presses keys on a call between two phones: a PBX whose Dial sets no DTMF features "
                + "(the reference Asterisk's) bridges the RTP natively and reports no key (--no-bridged-dtmf)");

        final String tag;
        final String reason;

        Need(String tag, String reason) {
            this.tag = tag;
            this.reason = reason;
        }
    }

    private final Pbx pbx;

    public TargetScope(Pbx pbx) {
        this.pbx = pbx;
    }

    /** The needs this run's target cannot serve. */
    public static List<Need> unserved() {
        List<Need> unserved = new ArrayList<>();
        if (Pbx.external()) {
            unserved.add(Need.IN_PROCESS);
            if (Pbx.externalSimulator() || !Pbx.setting("ucmkit.may-restart", "UCMKIT_MAY_RESTART").equals("true")) {
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

    @BeforeAll
    public static void listFiltered() {
        List<Need> unserved = unserved();
        if (unserved.isEmpty()) {
            if (Pbx.setting("ucmkit.realpbx", "UCMKIT_REALPBX").isEmpty()) {
                System.out.println("features: the real-PBX run is skipped: UCMKIT_REALPBX names no PBX (.ci/run sets it where "
                        + "the reference Asterisk is available; docs/hardware.md)");
            }
            return;
        }
        List<FeatureIndex.Entry> left = FeatureIndex.read().stream()
                .filter(e -> unserved.stream().anyMatch(n -> e.tags().contains(n.tag))).toList();
        int count = left.stream().mapToInt(FeatureIndex.Entry::examples).sum();
        System.out.println("features: " + count + " scenarios are not for " + Pbx.externalTarget() + ":");
        for (Need need : unserved) {
            System.out.println("  " + need.tag + ": " + need.reason);
            left.stream().filter(e -> e.tags().contains(need.tag) && unserved.stream()
                            .filter(n -> e.tags().contains(n.tag)).findFirst().orElseThrow() == need)
                    .forEach(e -> System.out.println("    " + e));
        }
    }

    @Before(order = 0)
    public void stopUnserved(Scenario scenario) {
        for (Need need : unserved()) {
            if (scenario.getSourceTagNames().contains(need.tag)) {
                String reason = "not run on " + pbx.target() + ": '" + scenario.getName() + "' " + need.reason
                        + " (ci/features.sh filters " + need.tag + " out before the run)";
                System.out.println(reason);
                Assumptions.abort(reason);
            }
        }
    }
}
