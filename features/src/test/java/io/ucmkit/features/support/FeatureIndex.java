package io.ucmkit.features.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The scenarios of the feature files with their tags (the feature's, the scenario's and for an
 * outline each Examples block's), read line by line: enough to list what a run leaves out.
 */
final class FeatureIndex {

    /** A scenario, or one Examples block of an outline with its number of rows. */
    record Entry(String feature, String scenario, Set<String> tags, int examples) {
        @Override
        public String toString() {
            return feature + ": " + scenario + (examples > 1 ? " (" + examples + " examples)" : "");
        }
    }

    private FeatureIndex() {}

    static List<Entry> read() {
        URL folder = FeatureIndex.class.getResource("/io/ucmkit/features");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".feature"))
                    .sorted()
                    .toList()) {
                entries.addAll(read(file.getFileName().toString(), Files.readAllLines(file)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot list the feature files under " + folder, e);
        }
    }

    private static List<Entry> read(String feature, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Set<String> featureTags = Set.of();
        Set<String> pending = new TreeSet<>();
        Set<String> outlineTags = null;
        String outline = null;
        Set<String> examplesTags = null;
        int rows = -1; // the header row of an Examples table is not an example
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("@")) {
                pending.addAll(List.of(line.split("\\s+")));
            } else if (line.startsWith("Feature:")) {
                featureTags = Set.copyOf(pending);
                pending.clear();
            } else if (line.startsWith("Scenario Outline:") || line.startsWith("Scenario Template:")) {
                rows = flush(entries, feature, outline, examplesTags, rows);
                outline = line.substring(line.indexOf(':') + 1).strip();
                outlineTags = union(featureTags, pending);
                pending.clear();
            } else if (line.startsWith("Scenario:") || line.startsWith("Example:")) {
                rows = flush(entries, feature, outline, examplesTags, rows);
                outline = null;
                entries.add(new Entry(
                        feature, line.substring(line.indexOf(':') + 1).strip(), union(featureTags, pending), 1));
                pending.clear();
            } else if (line.startsWith("Examples:") || line.startsWith("Scenarios:")) {
                rows = flush(entries, feature, outline, examplesTags, rows);
                examplesTags = union(outlineTags, pending);
                pending.clear();
                rows = 0;
            } else if (line.startsWith("|") && rows >= 0) {
                rows++;
            }
        }
        flush(entries, feature, outline, examplesTags, rows);
        return entries;
    }

    private static int flush(List<Entry> entries, String feature, String outline, Set<String> tags, int rows) {
        if (outline != null && rows > 1) {
            entries.add(new Entry(feature, outline, tags, rows - 1));
        }
        return -1;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
