package riposte.symantec.sepm;

import riposte.core.enrichment.ClassifiedException;
import riposte.core.enrichment.ErrorKind;

/**
 * Everything the SEPM client throws on purpose. Messages are safe to show and log: they never contain the
 * password or a token. CLI exit codes: {@link SepmAuthenticationException} 3; {@link SepmApiException},
 * {@link SepmUnavailableException} and {@link SepmProtocolException} 4; {@link SepmInvalidRequestException} 2.
 */
public abstract sealed class SepmException extends RuntimeException implements ClassifiedException
        permits SepmAuthenticationException, SepmApiException, SepmInvalidRequestException, SepmUnavailableException,
        SepmProtocolException {

    SepmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True if trying again later may succeed. */
    @Override
    public boolean retriable() {
        return false;
    }

    /** How the CLI and the enrichment layer classify it (exit codes 3, 2, 4). */
    @Override
    public ErrorKind errorKind() {
        return switch (this) {
            case SepmAuthenticationException a -> ErrorKind.AUTHENTICATION;
            case SepmInvalidRequestException i -> ErrorKind.INVALID_INDICATOR;
            case SepmProtocolException p -> ErrorKind.MALFORMED_REPLY;
            case SepmApiException a -> ErrorKind.UPSTREAM;
            case SepmUnavailableException u -> ErrorKind.UPSTREAM;
        };
    }
}
