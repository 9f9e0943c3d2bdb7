package riposte.server.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.VersionConflictException;

/**
 * Failures of console pages as pages (the API's {@code ProblemAdvice} answers problem documents instead): a missing
 * object is the 404 page, bad input a 400 page naming each field and what is accepted, a stale edit a 409 page.
 */
@ControllerAdvice(basePackages = "riposte.server.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(InvalidFieldException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidFieldException e, Model model) {
        model.addAttribute("problems", e.problems());
        return "error/400";
    }

    @ExceptionHandler(VersionConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Model model) {
        model.addAttribute("problems", java.util.List.of(new InvalidFieldException.FieldProblem("version",
                "someone else changed this in the meantime; reload the page and try again")));
        return "error/400";
    }
}
