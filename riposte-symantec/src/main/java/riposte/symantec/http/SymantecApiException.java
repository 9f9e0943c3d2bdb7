package riposte.symantec.http;

import riposte.core.enrichment.ClassifiedException;

/**
 * Everything a Symantec client throws on purpose. Messages are safe to show: they never contain credentials or
 * tokens. CLI exit codes: {@link AuthenticationException} 3, {@link UpstreamException} 4,
 * {@link UnsupportedIndicatorException} 2.
 */
public abstract sealed class SymantecApiException extends RuntimeException implements ClassifiedException
        permits AuthenticationException, UpstreamException, UnsupportedIndicatorException {

    SymantecApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
