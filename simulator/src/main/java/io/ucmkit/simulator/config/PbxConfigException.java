package io.ucmkit.simulator.config;

import java.util.List;

/**
 * A configuration the simulator refuses. It carries every problem found, each naming its field and
 * what is allowed; the message is the one problem, or all of them one per line.
 */
public final class PbxConfigException extends RuntimeException {

    private final transient List<PbxConfigProblem> problems;

    public PbxConfigException(String message) {
        super(message);
        problems = List.of();
    }

    public PbxConfigException(String message, Throwable cause) {
        super(message, cause);
        problems = List.of();
    }

    /** Every problem of a config ({@code source}, e.g. its file name, or null), at least one. */
    public PbxConfigException(String source, List<PbxConfigProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, in file order of the fields (empty when the file could not be read at all). */
    public List<PbxConfigProblem> problems() {
        return problems;
    }

    private static String message(String source, List<PbxConfigProblem> problems) {
        String where = source == null ? "" : source + ": ";
        if (problems.size() == 1) {
            PbxConfigProblem p = problems.get(0);
            boolean aValue = !p.path().isEmpty() && p.text().startsWith(p.path());
            return where + (aValue ? "invalid config field " : "invalid config: ") + p;
        }
        StringBuilder b = new StringBuilder(where + "invalid config, " + problems.size() + " problems:");
        problems.forEach(p -> b.append("\n  - ").append(p));
        return b.toString();
    }
}
