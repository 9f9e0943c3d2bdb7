package riposte.symantec.sepm;

/**
 * SEPM refused the credentials ({@code /identity/authenticate} answered 400/401/403), or answered 401 again right
 * after a fresh authentication (the account lacks the rights: SEPM needs a system administrator). Not retried.
 * CLI exit code 3.
 */
public final class SepmAuthenticationException extends SepmException {
    private final int status;

    SepmAuthenticationException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status that told us so. */
    public int status() {
        return status;
    }
}
