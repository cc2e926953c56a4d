package io.ucmkit.simulator.config;

/**
 * One thing wrong with a PBX config: where it is ({@code extensions[2].answerMode}, the path in the
 * file) and what is wrong there, in the user's words — the value found and what is allowed, the
 * names allowed for an unknown field, or the kind of value expected (never a Java type).
 */
public record PbxConfigProblem(String path, String text) {

    /** A value the simulator does not accept, e.g. {@code extensions[2].answerMode = 'maybe'; allowed: manual | auto}. */
    static PbxConfigProblem invalid(String path, Object value, String allowed) {
        return new PbxConfigProblem(
                path, path + (value == null ? " is missing" : " = '" + value + "'") + "; allowed: " + allowed);
    }

    /** A field the config has no place for, with the names it has there. */
    static PbxConfigProblem unknownField(String path, Iterable<String> allowed) {
        return new PbxConfigProblem(path, "unknown field '" + path + "'; allowed: " + String.join(", ", allowed));
    }

    /**
     * A value of the wrong kind: {@code found} says what is there ({@code " = 'soon'"}, {@code " is a list"}), e.g.
     * {@code answerDelayMs = 'soon'; expected a whole number}.
     */
    static PbxConfigProblem wrongKind(String path, String found, String expected) {
        return new PbxConfigProblem(path, (path.isEmpty() ? "the config" : path) + found + "; expected " + expected);
    }

    /** Whether this problem is at {@code other}'s path or inside it ({@code extensions[0].number} is inside {@code extensions[0]}). */
    boolean within(PbxConfigProblem other) {
        return path.equals(other.path)
                || other.path.isEmpty()
                || path.startsWith(other.path + ".")
                || path.startsWith(other.path + "[");
    }

    @Override
    public String toString() {
        return text;
    }
}
