/**
 * What every feature of the server shares: paging, problem documents, the acting principal, SQL helpers, and the
 * operational plumbing — the request id and user in the logging MDC ({@link riposte.server.system.RequestFilters}),
 * 503 with {@code Retry-After} when the connection pool is exhausted ({@link riposte.server.system.Overload}), and
 * the console log encoder that writes text or JSON lines with secrets masked
 * ({@link riposte.server.system.RedactingEncoder}, {@link riposte.server.system.Redactor}).
 */
package riposte.server.system;
