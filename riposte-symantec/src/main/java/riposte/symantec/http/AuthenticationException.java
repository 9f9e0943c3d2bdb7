package riposte.symantec.http;

import riposte.core.enrichment.ErrorKind;

/**
 * The service rejected the credentials (token endpoint 400/401/403), or kept answering 401 with a fresh token.
 * Not retried. CLI exit code 3.
 */
public final class AuthenticationException extends SymantecApiException {
    private final int status;

    public AuthenticationException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status that told us so. */
    public int status() {
        return status;
    }

    @Override
    public ErrorKind errorKind() {
        return ErrorKind.AUTHENTICATION;
    }
}
