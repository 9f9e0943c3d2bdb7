package riposte.core.playbook;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link PlaybookLoader} when playbooks do not validate; lists every problem found, in file order. */
public final class PlaybookValidationException extends RuntimeException {
    private final List<PlaybookProblem> problems;

    public PlaybookValidationException(List<PlaybookProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in playbooks:\n"
                + problems.stream().map(PlaybookProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PlaybookProblem> problems() {
        return problems;
    }
}
