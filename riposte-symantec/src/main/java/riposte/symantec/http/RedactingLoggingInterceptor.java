package riposte.symantec.http;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each call at DEBUG (method, URL, status, time) through {@link System.Logger}. It never logs headers or
 * bodies, so {@code Authorization} values, tokens and secrets cannot leak; the URL of a Threat Intel call holds
 * only the indicator, which analysts need to see.
 */
public final class RedactingLoggingInterceptor implements Interceptor {
    private final Logger logger;

    public RedactingLoggingInterceptor(String loggerName) {
        this.logger = System.getLogger(loggerName);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!logger.isLoggable(Level.DEBUG)) return chain.proceed(request);
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            logger.log(Level.DEBUG, "{0} {1} -> {2} in {3} ms", request.method(), redact(request), response.code(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return response;
        } catch (IOException e) {
            logger.log(Level.DEBUG, "{0} {1} failed after {2} ms: {3}", request.method(), redact(request),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Scheme, host and path only: user info and query strings are dropped in case someone puts secrets there. */
    static String redact(Request request) {
        return request.url().scheme() + "://" + request.url().host() + ":" + request.url().port()
                + request.url().encodedPath();
    }
}
