package io.ucmkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * No dangling references in the repository's sources and documents: every {@code docs/x.md §n} names a
 * numbered heading that exists, no reference points at a document outside the repository, and every
 * relative Markdown link (and its {@code #anchor}) resolves. A unit test: it reads files, nothing else.
 */
class DocsReferencesTest {

    /** The files scanned, by name ending. */
    private static final List<String> SCANNED = List.of(".java", ".md", ".feature", ".sh", ".yaml", ".yml");

    /** This file: its fixtures hold the very references it refuses. */
    private static final String SELF = "features/src/test/java/io/ucmkit/features/DocsReferencesTest.java";

    @Test
    void theRepositoryHasNoDanglingReferences() throws IOException {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        Function<String, Optional<String>> repo = relative -> read(root, relative);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> scanned(root, p)).sorted().toList()) {
                String relative = slashes(root.relativize(file));
                String content = Files.readString(file, StandardCharsets.UTF_8);
                Checker.check(relative, content, repo).forEach(o -> offenders.add(o.toString()));
            }
        }
        assertThat(offenders)
                .as("dangling references (file:line: problem), %d in all", offenders.size())
                .isEmpty();
    }

    @Nested
    class TheCheckerItself {

        private final Map<String, String> files = new HashMap<>();
        private final Function<String, Optional<String>> repo = p -> Optional.ofNullable(files.get(p));

        TheCheckerItself() {
            files.put(
                    "docs/ami.md",
                    String.join(
                            "\n",
                            "# AMI",
                            "## 1. Framing",
                            "### 1.1 Banner",
                            "### 3.4 Status",
                            "### 3.10 UserEvent, `PlayDTMF`",
                            "## Open questions",
                            "## Open questions",
                            "See §1.1 and §3.4."));
            files.put("docs/driver.md", "# Driver\n## 2. System Asset\n");
            files.put("docs/plain.md", "# Plain\n## Running it\n");
            files.put("docs/dashboard.png", "");
        }

        private List<String> problems(String file, String content) {
            return Checker.check(file, content, repo).stream()
                    .map(Checker.Offender::toString)
                    .toList();
        }

        @Test
        void aSectionThatExistsPasses() {
            assertThat(problems("a/B.java", "// docs/ami.md §3.4, §1.1; docs/ami.md §3.10 item 2; docs/driver.md §2"))
                    .isEmpty();
            assertThat(problems("a/B.java", "/** Status (docs/ami.md §1.1–3.4). */"))
                    .isEmpty();
        }

        @Test
        void aMissingSectionFailsWithFileAndLine() {
            assertThat(problems("a/B.java", "package a;\n// docs/ami.md §3.5 and docs/driver.md §2.1\n"))
                    .containsExactlyInAnyOrder(
                            "a/B.java:2: docs/ami.md has no section §3.5",
                            "a/B.java:2: docs/driver.md has no section §2.1");
        }

        @Test
        void aBareSectionAfterADocumentOnTheSameLineIsChecked() {
            assertThat(problems("a/B.java", "// docs/ami.md §1.1 naming, §7.5"))
                    .containsExactlyInAnyOrder("a/B.java:1: docs/ami.md has no section §7.5");
            assertThat(problems("a/B.java", "// §7.5 alone says nothing checkable"))
                    .isEmpty();
        }

        @Test
        void aRangeIsCheckedAtBothEnds() {
            assertThat(problems("a/B.java", "// docs/ami.md §1.1–3.8"))
                    .containsExactlyInAnyOrder("a/B.java:1: docs/ami.md has no section §3.8");
        }

        @Test
        void aBareSectionInAMarkdownFileMeansItsOwnHeadings() {
            assertThat(problems("docs/ami.md", files.get("docs/ami.md"))).isEmpty();
            assertThat(problems("docs/ami.md", "## 1. One\nsee §2\n"))
                    .containsExactlyInAnyOrder("docs/ami.md:2: docs/ami.md has no section §2");
        }

        @Test
        void aDocumentThatDoesNotExistOrIsNotNumberedFails() {
            assertThat(problems("a/B.java", "// docs/gone.md §1 and docs/plain.md §1"))
                    .containsExactlyInAnyOrder(
                            "a/B.java:1: docs/gone.md does not exist",
                            "a/B.java:1: docs/plain.md has no numbered sections (§1)");
            assertThat(problems("a/B.sh", "# see docs/gone.md"))
                    .containsExactlyInAnyOrder("a/B.sh:1: docs/gone.md does not exist");
        }

        @Test
        void aReferenceWrappedBeforeItsSectionStillFails() {
            String wrapped = "// as Asterisk (" + "AMI" + ".md\n// §4.1)";
            assertThat(problems("a/B.java", wrapped))
                    .containsExactly("a/B.java:1: refers to a document outside the repository: " + "AMI" + ".md");
        }

        @Test
        void documentsOutsideTheRepositoryFail() {
            String ami = "AMI" + ".md §3.4";
            String spec = "SPEC" + " §5";
            String specFile = "SPEC" + ".md";
            String shared = ".." + "/shared/transcripts";
            String copied = "(" + "shared" + "/transcripts/conf)";
            assertThat(problems(
                            "a/B.java",
                            "// " + ami + "\n// " + spec + "\n// " + specFile + "\n// " + shared + "\n# " + copied))
                    .containsExactlyInAnyOrder(
                            "a/B.java:1: refers to a document outside the repository: " + ami.replace(" §3.4", ""),
                            "a/B.java:2: refers to a document outside the repository: " + spec.replace("5", ""),
                            "a/B.java:3: refers to a document outside the repository: " + specFile,
                            "a/B.java:4: refers to a document outside the repository: " + ".." + "/shared",
                            "a/B.java:5: refers to a document outside the repository: " + "shared" + "/transcripts");
        }

        @Test
        void markdownLinksMustResolve() {
            String doc = String.join(
                    "\n",
                    "[ami](ami.md) [status](ami.md#34-status) [own](#top) [web](https://example.com/x.md)",
                    "![shot](dashboard.png) [open](ami.md#open-questions-1) [code](ami.md#310-userevent-playdtmf)",
                    "[gone](gone.md) [anchor](ami.md#no-such-heading) [self](#nowhere)",
                    "```",
                    "[in code](ignored.md)",
                    "```",
                    "# Top",
                    "`[inline](ignored.md)`");
            assertThat(problems("docs/x.md", doc))
                    .containsExactlyInAnyOrder(
                            "docs/x.md:3: link to gone.md: no such file",
                            "docs/x.md:3: link to ami.md#no-such-heading: docs/ami.md has no heading 'no-such-heading'",
                            "docs/x.md:3: link to #nowhere: docs/x.md has no heading 'nowhere'");
        }

        @Test
        void slugsAreGitHubs() {
            assertThat(Checker.slug("The AMI codec (`ami`, package `io.ucmkit.ami`)"))
                    .isEqualTo("the-ami-codec-ami-package-ioucmkitami");
            assertThat(Checker.slug("3.4 Status")).isEqualTo("34-status");
            assertThat(Checker.slug("Calls, IVR digits & barge — how")).isEqualTo("calls-ivr-digits--barge--how");
        }
    }

    // ---- the checker

    static final class Checker {

        record Offender(String file, int line, String problem) {
            @Override
            public String toString() {
                return file + ":" + line + ": " + problem;
            }
        }

        /** References to documents that are not part of the repository. */
        private static final Pattern OUTSIDE =
                Pattern.compile("(?<![\\w/.-])AMI\\.md|SPEC §|SPEC\\.md|\\.\\./shared|(?<![\\w/.-])shared/transcripts");

        private static final String NUMBER = "\\d+(?:\\.\\d+)*";

        /** {@code path.md §n}, or a bare {@code §n}; then {@code –n.n} ranges. */
        private static final Pattern SECTION = Pattern.compile(
                "(?:(?<doc>[\\w./-]*\\w\\.md)\\s+)?§\\s?(?<n>" + NUMBER + ")(?:\\s?[–-]\\s?(?<to>\\d+\\.\\d+))?");

        /** A path to a Markdown file inside the repository, mentioned anywhere. */
        private static final Pattern DOC_PATH = Pattern.compile("(?<![\\w./:-])(docs/[\\w./-]*\\w\\.md)");

        private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

        private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

        private static final Pattern NUMBERED = Pattern.compile("^(" + NUMBER + ")(?:\\.|\\s|$)");

        private Checker() {}

        static List<Offender> check(String file, String content, Function<String, Optional<String>> repo) {
            List<Offender> out = new ArrayList<>();
            boolean markdown = file.endsWith(".md");
            String[] lines = content.split("\n", -1);
            boolean fenced = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                int number = i + 1;
                if (markdown && line.stripLeading().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                Matcher outside = OUTSIDE.matcher(line);
                Set<Integer> outsideAt = new HashSet<>();
                while (outside.find()) {
                    out.add(new Offender(
                            file, number, "refers to a document outside the repository: " + outside.group()));
                    outsideAt.add(outside.start());
                }
                sections(file, content, line, number, markdown, outsideAt, repo, out);
                Matcher path = DOC_PATH.matcher(line);
                while (path.find()) {
                    if (resolve(file, path.group(1), repo).isEmpty()) {
                        out.add(new Offender(file, number, path.group(1) + " does not exist"));
                    }
                }
                if (markdown && !fenced) {
                    links(file, line, number, content, repo, out);
                }
            }
            return dedupe(out);
        }

        private static void sections(
                String file,
                String content,
                String line,
                int number,
                boolean markdown,
                Set<Integer> outsideAt,
                Function<String, Optional<String>> repo,
                List<Offender> out) {
            Matcher m = SECTION.matcher(line);
            String current = markdown ? file : null;
            while (m.find()) {
                String doc = m.group("doc");
                if (doc != null && outsideAt.stream().anyMatch(at -> at >= m.start() && at < m.end())) {
                    current = null;
                    continue;
                }
                if (doc != null) {
                    Optional<String> resolved = resolve(file, doc, repo);
                    if (resolved.isEmpty()) {
                        current = null;
                        continue; // DOC_PATH or the outside rule reports it
                    }
                    current = resolved.get();
                }
                if (current == null) {
                    continue;
                }
                String text =
                        current.equals(file) ? content : repo.apply(current).orElse("");
                Set<String> numbers = numberedHeadings(text);
                if (numbers.isEmpty()) {
                    if (doc != null || !markdown) {
                        out.add(new Offender(
                                file, number, current + " has no numbered sections (§" + m.group("n") + ")"));
                    }
                    continue;
                }
                for (String n : m.group("to") == null ? List.of(m.group("n")) : List.of(m.group("n"), m.group("to"))) {
                    if (!numbers.contains(n)) {
                        out.add(new Offender(file, number, current + " has no section §" + n));
                    }
                }
            }
        }

        private static void links(
                String file,
                String line,
                int number,
                String content,
                Function<String, Optional<String>> repo,
                List<Offender> out) {
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*") || target.startsWith("<")) {
                    continue; // https:, mailto:, …
                }
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                String resolved;
                String text;
                if (path.isEmpty()) {
                    resolved = file;
                    text = content;
                } else {
                    Optional<String> found = resolveRelative(file, path, repo);
                    if (found.isEmpty()) {
                        out.add(new Offender(file, number, "link to " + target + ": no such file"));
                        continue;
                    }
                    resolved = found.get();
                    text = repo.apply(resolved).orElse("");
                }
                if (anchor != null && !anchor.isEmpty() && resolved.endsWith(".md")) {
                    if (!anchors(text).contains(anchor)) {
                        out.add(new Offender(
                                file,
                                number,
                                "link to " + target + ": " + resolved + " has no heading '" + anchor + "'"));
                    }
                }
            }
        }

        /** A path as written in {@code file}: relative to the repository root, else to the file's folder. */
        static Optional<String> resolve(String file, String path, Function<String, Optional<String>> repo) {
            String fromRoot = normalize(path);
            if (fromRoot != null && repo.apply(fromRoot).isPresent()) {
                return Optional.of(fromRoot);
            }
            return resolveRelative(file, path, repo);
        }

        /** A Markdown link: relative to the file's folder (a folder resolves to its README.md). */
        static Optional<String> resolveRelative(String file, String path, Function<String, Optional<String>> repo) {
            int slash = file.lastIndexOf('/');
            String folder = slash < 0 ? "" : file.substring(0, slash + 1);
            String joined = normalize(path.startsWith("/") ? path.substring(1) : folder + path);
            if (joined == null) {
                return Optional.empty();
            }
            if (repo.apply(joined).isPresent()) {
                return Optional.of(joined);
            }
            String readme = joined.isEmpty() ? "README.md" : joined.replaceAll("/$", "") + "/README.md";
            return repo.apply(readme).isPresent() ? Optional.of(joined) : Optional.empty();
        }

        /** {@code a/./b/../c} → {@code a/c}; null when it leaves the repository. */
        static String normalize(String path) {
            List<String> parts = new ArrayList<>();
            for (String part : path.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (parts.isEmpty()) {
                        return null;
                    }
                    parts.remove(parts.size() - 1);
                } else {
                    parts.add(part);
                }
            }
            return String.join("/", parts);
        }

        /** The numbers of a document's numbered headings: {@code ## 3. Actions} → 3, {@code ### 3.4 Status} → 3.4. */
        static Set<String> numberedHeadings(String text) {
            Set<String> numbers = new HashSet<>();
            for (String heading : headings(text)) {
                Matcher m = NUMBERED.matcher(heading);
                if (m.find()) {
                    numbers.add(m.group(1));
                }
            }
            return numbers;
        }

        /** GitHub's anchors of a document's headings, duplicates numbered {@code -1}, {@code -2}, … */
        static Set<String> anchors(String text) {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String heading : headings(text)) {
                String slug = slug(heading);
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            return anchors;
        }

        private static List<String> headings(String text) {
            List<String> headings = new ArrayList<>();
            boolean fenced = false;
            for (String line : text.split("\n", -1)) {
                if (line.stripLeading().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                Matcher m = HEADING.matcher(line);
                if (!fenced && m.matches()) {
                    headings.add(m.group(2));
                }
            }
            return headings;
        }

        /** GitHub's heading anchor: lower case, punctuation dropped (not {@code -} or {@code _}), spaces to {@code -}. */
        static String slug(String heading) {
            StringBuilder slug = new StringBuilder();
            heading.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                    slug.appendCodePoint(c);
                } else if (c == ' ') {
                    slug.append('-');
                }
            });
            return slug.toString();
        }

        private static List<Offender> dedupe(List<Offender> offenders) {
            return offenders.stream().distinct().collect(Collectors.toList());
        }
    }

    // ---- the repository

    /** The folder with the root {@code pom.xml} and {@code .git} or {@code ci/}, walking up from {@code start}. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            boolean pom = Files.isRegularFile(dir.resolve("pom.xml")) || Files.isRegularFile(dir.resolve("mvnw"));
            if (pom && (Files.exists(dir.resolve(".git")) || Files.isDirectory(dir.resolve("ci")))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml with .git or ci/) above " + start);
    }

    private static boolean scanned(Path root, Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Path relative = root.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git") || name.equals("node_modules")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return SCANNED.stream().anyMatch(name::endsWith) && !slashes(relative).equals(SELF);
    }

    private static Optional<String> read(Path root, String relative) {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file) || !file.getFileName().toString().endsWith(".md")) {
            return Optional.of("");
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
