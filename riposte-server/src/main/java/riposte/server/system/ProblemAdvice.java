package riposte.server.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} document: {@code type}, {@code title},
 * {@code status}, {@code detail}, and for bad input an {@code errors} array of {@code {field, message}}.
 * Exception text from libraries never reaches the client; unexpected failures are logged with their stack trace and
 * answered with a generic 500.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    static final String TYPE_PREFIX = "urn:riposte:problem:";
    private final Overload overload;

    ProblemAdvice(Overload overload) {
        this.overload = overload;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalid(InvalidFieldException e) {
        return validation(e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(VersionConflictException.class)
    ResponseEntity<Object> conflict(VersionConflictException e) {
        return problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> stateConflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> optimistic(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict",
                "The resource was changed by someone else; fetch it again and reapply your change");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info("Rejected a change that breaks a database constraint: {}", e.getMostSpecificCause().toString());
        return problem(HttpStatus.CONFLICT, "constraint", "Conflict",
                "The change conflicts with existing data (a duplicate, or a reference to something that no longer exists)");
    }

    /** A role check inside a controller or service ({@code @PreAuthorize}, ownership); the filters answer the rest. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Object> denied(org.springframework.security.access.AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this request");
    }

    /**
     * Tomcat refuses a query string it cannot split into parameters (one without a name, {@code ?=0}, or with bad
     * percent-encoding) when the application first asks for a parameter; that is the client's error, not a 500
     * (found by riposte-bench's FuzzBenchmark).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> badQuery(org.apache.tomcat.util.http.InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-query", "Invalid query string",
                "The query string has a parameter without a name or with bad percent-encoding: use name=value pairs "
                        + "separated by '&', with reserved characters percent-encoded");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (Overload.isPoolExhausted(e)) {
            overload.turnedAway();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(Overload.RETRY_AFTER_SECONDS))
                    .body(detail(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", Overload.TITLE, Overload.DETAIL));
        }
        log.error("Unexpected failure while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal server error",
                "The server failed to handle the request; the failure has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.add(new InvalidFieldException.FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(g ->
                problems.add(new InvalidFieldException.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return validation(problems);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BodyLimit.TooLarge tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
                        BodyLimit.detail(tooLarge.max));
            }
            if (c instanceof tools.jackson.core.exc.StreamConstraintsException limit) {
                // nesting depth, string, number and name lengths (Jackson's StreamReadConstraints): name the limit
                return problem(HttpStatus.BAD_REQUEST, "unreadable", "Request body over a limit",
                        "The request body exceeds a limit of the JSON reader: " + limit.getOriginalMessage());
            }
        }
        String field = fieldOf(e.getCause());
        if (field != null) {
            return validation(List.of(new InvalidFieldException.FieldProblem(field,
                    "has a value of the wrong type or format")));
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request body",
                "The request body is missing or is not valid JSON");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
        return validation(List.of(new InvalidFieldException.FieldProblem(String.valueOf(name),
                "has a value of the wrong type: expected " + expected.replace("Long", "an integer")
                        .replace("Integer", "an integer"))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            org.springframework.web.servlet.resource.NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no resource at this path");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        long max = e.getMaxUploadSize();
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Upload too large",
                "The upload is larger than the server accepts" + (max > 0 ? " (at most " + max + " bytes)" : "")
                        + "; the limit is set with RIPOSTE_MAX_UPLOAD_SIZE");
    }

    @ExceptionHandler(riposte.server.credential.SecretKeyMismatchException.class)
    ResponseEntity<Object> secretKey(riposte.server.credential.SecretKeyMismatchException e) {
        log.error("A stored secret cannot be decrypted: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "secret-key", "Stored secret unreadable", e.getMessage());
    }

    /** Library exceptions handled by the base class keep their status and safe default detail, with our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail detail = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        if (detail.getType() == null || "about:blank".equals(detail.getType().toString())) {
            detail.setType(URI.create(TYPE_PREFIX + "http-" + status.value()));
        }
        if (detail.getTitle() == null) detail.setTitle("Request failed");
        if (detail.getDetail() == null) detail.setDetail("The request could not be handled (HTTP " + status.value() + ")");
        body = detail;
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String fieldOf(Throwable cause) {
        if (cause instanceof JacksonException j && j.getPath() != null && !j.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : j.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!path.isEmpty()) path.append('.');
                    path.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    private static ResponseEntity<Object> validation(List<InvalidFieldException.FieldProblem> problems) {
        ProblemDetail detail = detail(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                problems.size() == 1 ? problems.getFirst().field() + ": " + problems.getFirst().message()
                        : problems.size() + " fields are invalid");
        detail.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", String.valueOf(p.message()))).toList());
        return ResponseEntity.badRequest().body(detail);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String text) {
        return ResponseEntity.status(status).body(detail(status, type, title, text));
    }

    private static ProblemDetail detail(HttpStatus status, String type, String title, String text) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text);
        detail.setType(URI.create(TYPE_PREFIX + type));
        detail.setTitle(title);
        return detail;
    }
}
