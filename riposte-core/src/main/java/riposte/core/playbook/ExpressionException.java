package riposte.core.playbook;

/**
 * A CEL expression that does not compile ({@link #line()}/{@link #column()} are 1-based positions inside the
 * expression, 0 when unknown) or that failed at evaluation, e.g. {@code no matching overload} when a string is
 * compared with a number. The message names the expression.
 */
public final class ExpressionException extends RuntimeException {
    private final String expression;
    private final int line;
    private final int column;

    public ExpressionException(String expression, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.expression = expression;
        this.line = line;
        this.column = column;
    }

    public String expression() {
        return expression;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
