package riposte.symantec.http;

import java.io.IOException;

/**
 * Carries a {@link SymantecApiException} out of an OkHttp interceptor chain (interceptors may only throw
 * IOException cleanly). {@link RetryInterceptor} never retries it; clients unwrap it with {@link #failure()}.
 */
public final class FailedCallIOException extends IOException {
    private final SymantecApiException failure;

    public FailedCallIOException(SymantecApiException failure) {
        super(failure.getMessage(), failure);
        this.failure = failure;
    }

    public SymantecApiException failure() {
        return failure;
    }
}
