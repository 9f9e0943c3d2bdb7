package riposte.symantec.sepm;

/**
 * Everything the SEPM client throws on purpose. Messages are safe to show and log: they never contain the
 * password or a token. CLI exit codes: {@link SepmAuthenticationException} 3; {@link SepmApiException},
 * {@link SepmUnavailableException} and {@link SepmProtocolException} 4; {@link SepmInvalidRequestException} 2.
 */
public abstract sealed class SepmException extends RuntimeException
        permits SepmAuthenticationException, SepmApiException, SepmInvalidRequestException, SepmUnavailableException,
        SepmProtocolException {

    SepmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True if trying again later may succeed. */
    public boolean retriable() {
        return false;
    }
}
