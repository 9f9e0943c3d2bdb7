package riposte.core.playbook;

/**
 * One thing wrong with a playbook file, at a 1-based line and column ({@code 0} when unknown). {@link #toString()}
 * gives the compiler-style form {@code playbooks/file-insight.yml:14:7: unknown step type 'writeAtributes'; ...}.
 */
public record PlaybookProblem(String origin, int line, int column, String message) {
    @Override
    public String toString() {
        return origin + ":" + line + ":" + column + ": " + message;
    }
}
