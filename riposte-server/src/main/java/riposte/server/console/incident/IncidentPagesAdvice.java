package riposte.server.console.incident;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import riposte.server.system.NotFoundException;

/**
 * A missing incident or data table on a console page is the console's 404 page (through Boot's error handling,
 * {@code templates/error/404.html}), not the API's problem document: ordered before the API's advice.
 */
@ControllerAdvice(basePackageClasses = IncidentPagesAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IncidentPagesAdvice {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
