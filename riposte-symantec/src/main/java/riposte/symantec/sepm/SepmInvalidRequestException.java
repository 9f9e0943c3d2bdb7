package riposte.symantec.sepm;

/** The caller's input cannot make a valid SEPM request (bad hash, no target, ...); nothing was sent. CLI exit code 2. */
public final class SepmInvalidRequestException extends SepmException {
    SepmInvalidRequestException(String message) {
        super(message, null);
    }

    SepmInvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
