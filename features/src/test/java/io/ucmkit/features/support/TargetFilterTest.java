package io.ucmkit.features.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a target cannot serve is left out of the run before it starts, by {@link TargetFilter}:
 * discovered with it, the run holds no scenario with such a tag (so none is counted as skipped),
 * and as many fewer as the headline says are not run.
 */
class TargetFilterTest {

    private static List<TestIdentifier> scenarios(List<TargetScope.Need> unserved, String tags) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("io.ucmkit.features"))
                .filters(includeEngines("cucumber"), new TargetFilter(unserved, tags));
        TestPlan plan = LauncherFactory.create().discover(request.build());
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .toList();
    }

    private static Set<String> tags(TestIdentifier scenario) {
        return scenario.getTags().stream()
                .map(TestTag::getName)
                .map(t -> "@" + t)
                .collect(Collectors.toSet());
    }

    @Test
    void a_real_pbx_without_phones_runs_none_of_the_scenarios_it_cannot_serve_and_the_headline_counts_them() {
        check(List.of(TargetScope.Need.values()));
    }

    @Test
    void a_real_pbx_with_soft_phones_and_a_restricted_user_leaves_out_only_what_needs_a_simulator() {
        check(List.of(
                TargetScope.Need.IN_PROCESS,
                TargetScope.Need.UCM_ADMIN,
                TargetScope.Need.SIMULATOR_ONLY,
                TargetScope.Need.DTMF_IN_BRIDGE));
    }

    private static void check(List<TargetScope.Need> unserved) {
        List<TestIdentifier> all = scenarios(List.of(), "");
        List<TestIdentifier> run = scenarios(unserved, "");
        Set<String> left = unserved.stream().map(n -> n.tag).collect(Collectors.toSet());

        assertThat(run).isNotEmpty().noneMatch(s -> tags(s).stream().anyMatch(left::contains));
        int notRun = all.size() - run.size();
        assertThat(all)
                .filteredOn(s -> tags(s).stream().anyMatch(left::contains))
                .hasSize(notRun);
        assertThat(TargetScope.notRunReport("ami://u:********@pbx:7777", unserved, FeatureIndex.read()))
                .startsWith("features: not run on this target (ami://u:********@pbx:7777): " + notRun
                        + ", filtered out by tag before the run, because\n  @");
    }

    @Test
    void junit_applies_it_to_every_launch() {
        // registered for auto-detection: ci/features.sh, mvn verify and an IDE all discover through it
        assertThat(java.util.ServiceLoader.load(org.junit.platform.launcher.PostDiscoveryFilter.class).stream()
                        .map(java.util.ServiceLoader.Provider::type))
                .contains(TargetFilter.class);
    }

    @Test
    void a_tag_expression_given_to_the_run_leaves_out_what_it_does_not_match_at_discovery_too() {
        List<TestIdentifier> wire = scenarios(List.of(), "@wire and not @in-process");
        assertThat(wire).isNotEmpty().allMatch(s -> tags(s).contains("@wire") && !tags(s).contains("@in-process"));
        assertThat(scenarios(List.of(TargetScope.Need.PHONES), "@wire or @phones"))
                .isNotEmpty()
                .allMatch(s -> tags(s).contains("@wire") && !tags(s).contains("@phones"));
    }
}
