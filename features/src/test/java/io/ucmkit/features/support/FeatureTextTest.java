package io.ucmkit.features.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.TableCell;
import io.cucumber.messages.types.TableRow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature text reads in the HTML report as it is written. The report renders descriptions as
 * Markdown with raw HTML, so {@code PJSIP/<source>} there is an HTML element and vanishes
 * ({@code Channel PJSIP/, … Exten ,}): such text goes in a code span. A placeholder outside an
 * outline is never filled, and every placeholder of an outline is a column of its Examples, so the
 * pickles — what the report shows for each example — carry the values.
 */
class FeatureTextTest {

    /** An HTML tag or autolink to Markdown: '<' then a letter, '/', '!' or '?'. */
    private static final Pattern HTML = Pattern.compile("<[A-Za-z/!?][^>\\n]*>?");

    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s:.+?)\\1");
    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>\\n]+)>");

    private static List<Envelope> envelopes(Path file) {
        try (Stream<Envelope> parsed =
                GherkinParser.builder().includeSource(false).build().parse(file)) {
            return parsed.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> features() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(
                Path.of(FeatureTextTest.class.getResource("/io/ucmkit/features").toURI()))) {
            return files.filter(f -> f.toString().endsWith(".feature")).sorted().toList();
        }
    }

    private static List<Scenario> scenarios(Feature feature) {
        List<Scenario> scenarios = new ArrayList<>();
        for (FeatureChild child : feature.getChildren()) {
            child.getScenario().ifPresent(scenarios::add);
            child.getRule()
                    .ifPresent(r -> r.getChildren().forEach(c -> c.getScenario().ifPresent(scenarios::add)));
        }
        return scenarios;
    }

    /** What Markdown would take for HTML in a description: text outside code spans that looks like a tag. */
    static List<String> htmlIn(String description) {
        Matcher m = HTML.matcher(CODE_SPAN.matcher(description).replaceAll(""));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void the_rule_itself_sees_what_markdown_would_drop_and_leaves_code_spans_alone() {
        assertThat(htmlIn("Channel PJSIP/<source>, Exten <destination>")).containsExactly("<source>", "<destination>");
        assertThat(htmlIn("Channel `PJSIP/<source>`, CallerID `\"<line 1>\" <<line 2>>`, 3 < 4"))
                .isEmpty();
    }

    @Test
    void no_description_holds_text_the_report_would_render_as_html() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : features()) {
            for (Envelope e : envelopes(file)) {
                Feature feature = e.getGherkinDocument()
                        .flatMap(GherkinDocument::getFeature)
                        .orElse(null);
                if (feature == null) {
                    continue;
                }
                List<String> descriptions = new ArrayList<>(List.of(feature.getDescription()));
                for (Scenario s : scenarios(feature)) {
                    descriptions.add(s.getDescription());
                    s.getExamples().stream().map(Examples::getDescription).forEach(descriptions::add);
                }
                for (String d : descriptions) {
                    htmlIn(d)
                            .forEach(tag -> problems.add(file.getFileName() + ": " + tag + " (put it in `backticks`)"));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void placeholders_are_filled_in_every_example_and_appear_nowhere_else() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path file : features()) {
            for (Envelope e : envelopes(file)) {
                Feature feature = e.getGherkinDocument()
                        .flatMap(GherkinDocument::getFeature)
                        .orElse(null);
                if (feature == null) {
                    continue;
                }
                for (Scenario s : scenarios(feature)) {
                    Set<String> used = placeholders(s, !s.getExamples().isEmpty());
                    if (s.getExamples().isEmpty()) {
                        used.forEach(p -> problems.add(
                                file.getFileName() + ": '" + s.getName() + "' is no outline but says <" + p + ">"));
                    }
                    for (Examples examples : s.getExamples()) {
                        Set<String> columns = examples.getTableHeader()
                                .map(h -> h.getCells().stream()
                                        .map(TableCell::getValue)
                                        .collect(Collectors.toSet()))
                                .orElse(Set.of());
                        used.stream()
                                .filter(p -> !columns.contains(p))
                                .forEach(p -> problems.add(file.getFileName() + ": '" + s.getName()
                                        + "' has no Examples column for <" + p + ">"));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The placeholders of a scenario's name and steps, and with {@code arguments} of its data tables and
     * doc strings (outside an outline, those may hold a literal {@code <any>} or a caller ID's {@code <Alarm>}).
     */
    private static Set<String> placeholders(Scenario s, boolean arguments) {
        List<String> texts = new ArrayList<>(List.of(s.getName()));
        for (Step step : s.getSteps()) {
            texts.add(step.getText());
            if (!arguments) {
                continue;
            }
            step.getDataTable()
                    .ifPresent(t -> t.getRows().stream()
                            .map(TableRow::getCells)
                            .flatMap(List::stream)
                            .map(TableCell::getValue)
                            .forEach(texts::add));
            step.getDocString().ifPresent(d -> texts.add(d.getContent()));
        }
        Set<String> found = new java.util.TreeSet<>();
        for (String text : texts) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    @Test
    void the_pickles_the_report_shows_carry_the_examples_values() throws Exception {
        Path callPhone = features().stream()
                .filter(f -> f.getFileName().toString().equals("call_phone.feature"))
                .findFirst()
                .orElseThrow();
        List<Pickle> pickles = envelopes(callPhone).stream()
                .flatMap(e -> e.getPickle().stream())
                .toList();
        Pickle missingSource = pickles.stream()
                .filter(p -> p.getName().equals("Call Phone without sourceExtension is refused, naming it"))
                .findFirst()
                .orElseThrow();
        PickleStep send = missingSource.getSteps().get(1);
        assertThat(send.getText()).isEqualTo("the operator sends Call Phone with:");
        assertThat(send.getArgument().orElseThrow().getDataTable().orElseThrow().getRows())
                .extracting(r -> r.getCells().get(0).getValue() + "="
                        + r.getCells().get(1).getValue())
                .containsExactly(
                        "sourceExtension=(missing)",
                        "destinationExtension=1001",
                        "line1Text=Door 3",
                        "line2Text=Alarm");
        assertThat(pickles)
                .flatExtracting(Pickle::getSteps)
                .extracting(PickleStep::getText)
                .contains(
                        "the operator sends Call Phone from extension 1000 to extension 1001 with line 1 \"Door 3\" and line 2 \"Alarm\"")
                .noneMatch(t -> t.contains("<source>") || t.contains("<destination>"));
        String description = envelopes(callPhone).stream()
                .flatMap(e -> e.getGherkinDocument().stream())
                .map(d -> d.getFeature().orElseThrow().getDescription())
                .findFirst()
                .orElseThrow();
        assertThat(description).contains("Channel `PJSIP/<source>`, Context `from-internal`, Exten `<destination>`");
    }
}
