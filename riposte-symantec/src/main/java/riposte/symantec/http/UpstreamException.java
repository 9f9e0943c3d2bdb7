package riposte.symantec.http;

import riposte.core.enrichment.ErrorKind;

/**
 * The service failed or answered unexpectedly, after any retries: {@link #status()} is the last HTTP status, or 0
 * when no response arrived (connection refused, timeout, reset: the request may have been sent — the Threat
 * Intel calls are idempotent GETs, so that is harmless). {@link #serviceMessage()} is the {@code message} of the
 * error body, if any. CLI exit code 4.
 */
public final class UpstreamException extends SymantecApiException {
    private final int status;
    private final String serviceMessage;
    private final boolean retriable;
    private final int attempts;

    public UpstreamException(int status, String serviceMessage, boolean retriable, int attempts, String message,
                             Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serviceMessage = serviceMessage;
        this.retriable = retriable;
        this.attempts = attempts;
    }

    public int status() {
        return status;
    }

    /** The {@code message} member of the error body, or null. */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** True for 429, 5xx and transport failures: trying again later may succeed. */
    @Override
    public boolean retriable() {
        return retriable;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    @Override
    public ErrorKind errorKind() {
        return ErrorKind.UPSTREAM;
    }
}
