package riposte.server.console;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.InvalidFieldException.FieldProblem;

/**
 * Checks a form's request record against the same Bean Validation constraints the REST API applies ({@code @Valid}),
 * so that a field the API refuses is refused by the console with the same message, and nothing half-written stays.
 */
@Component
public class FormCheck {
    private final Validator validator;

    FormCheck(Validator validator) {
        this.validator = validator;
    }

    /** Returns {@code body} when it is valid; otherwise throws a {@link InvalidFieldException} naming each field. */
    public <T> T valid(T body) {
        var violations = validator.validate(body);
        if (violations.isEmpty()) return body;
        throw new InvalidFieldException(violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .toList());
    }

    /** The problems of an {@link InvalidFieldException} as one line per field, for a form's error list. */
    public static java.util.List<String> lines(InvalidFieldException e) {
        return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }
}
