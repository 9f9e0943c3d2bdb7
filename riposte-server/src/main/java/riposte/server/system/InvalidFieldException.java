package riposte.server.system;

import java.util.List;

/** Bad input in one or more named fields: a 400 problem document listing each field and what is accepted. */
public final class InvalidFieldException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidFieldException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.getFirst().field() + ": " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One entry of a problem document's {@code errors} array. */
    public record FieldProblem(String field, String message) {}
}
