package io.ucmkit.features.support;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.util.List;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Leaves out, at discovery, the scenarios this run's target cannot serve
 * ({@link TargetScope#unserved()}) and those a {@code cucumber.filter.tags} expression does not
 * match, whoever launches the suite — {@code ci/features.sh}, the real-PBX run of {@code mvn
 * verify}, an IDE. Left out here, a scenario is not in the run at all, so the run's headline counts
 * only what ran: Cucumber's own tag filter keeps every scenario in the run and marks those it does
 * not match skipped ("40.2% (78/194) passed" with 116 of them). Registered in
 * {@code META-INF/services} (JUnit applies such filters to every launch).
 */
public final class TargetFilter implements PostDiscoveryFilter {

    static final String TAGS_PROPERTY = "cucumber.filter.tags";

    private final List<TargetScope.Need> unserved;
    private final Expression given;

    /** The filter of this run: its target's unserved needs and the {@code cucumber.filter.tags} system property. */
    public TargetFilter() {
        this(TargetScope.unserved(), System.getProperty(TAGS_PROPERTY, ""));
    }

    TargetFilter(List<TargetScope.Need> unserved, String tags) {
        this.unserved = List.copyOf(unserved);
        this.given = tags.isBlank() ? null : TagExpressionParser.parse(tags);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest()) {
            return FilterResult.included("a container: kept while it holds a scenario");
        }
        // Cucumber gives a scenario its feature's, outline's and Examples' tags, without the '@'
        List<String> tags = descriptor.getTags().stream()
                .map(TestTag::getName)
                .map(t -> "@" + t)
                .toList();
        for (TargetScope.Need need : unserved) {
            if (tags.contains(need.tag)) {
                return FilterResult.excluded("not run on this target: " + need.reason);
            }
        }
        if (given != null && !given.evaluate(tags)) {
            return FilterResult.excluded(TAGS_PROPERTY + " does not match it");
        }
        return FilterResult.included("the target serves it");
    }
}
