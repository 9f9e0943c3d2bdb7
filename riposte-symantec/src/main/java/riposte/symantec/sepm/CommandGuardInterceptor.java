package riposte.symantec.sepm;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps the shared {@link riposte.symantec.http.RetryInterceptor} (which sits outside this one) from repeating a
 * command: for requests tagged {@link NotIdempotent} (EOC scan, quarantine, upload, cancel, move, list writes) a
 * 5xx or a transport failure is thrown at once, because SEPM may already have queued the command and a second
 * one would scan or quarantine twice. A 429 is still retried: SEPM refused the call without acting on it.
 */
final class CommandGuardInterceptor implements Interceptor {

    /** Request tag marking a call that must not be repeated after it may have reached SEPM. */
    record NotIdempotent(String call) {}

    @Override
    public Response intercept(Chain chain) throws IOException {
        NotIdempotent tag = chain.request().tag(NotIdempotent.class);
        if (tag == null) return chain.proceed(chain.request());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            throw new SepmUnavailableException(tag.call() + " failed and was not repeated (SEPM may have received it; "
                    + "check the command queue before sending it again): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (response.code() < 500) return response;
        String body;
        try (response) {
            body = response.body().string();
        }
        throw SepmErrors.failure(response.code(), body, tag.call() + " (not repeated: SEPM may have acted on it)");
    }
}
