package riposte.symantec.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Bounds in-flight calls with a semaphore (so thousands of virtual-thread callers share a few sockets) and takes a
 * {@link RateGovernor} permit before the first attempt; {@link RetryInterceptor} takes one before each retry.
 */
public final class RateGovernorInterceptor implements Interceptor {
    private final RateGovernor governor;
    private final Semaphore inFlight;

    public RateGovernorInterceptor(RateGovernor governor, int maxConcurrency) {
        this.governor = governor;
        this.inFlight = new Semaphore(maxConcurrency);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection slot");
        }
        try {
            governor.acquire();
            return chain.proceed(chain.request());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a rate permit");
        } finally {
            // The body is read after this returns; the slot is about the request, which is complete by then.
            inFlight.release();
        }
    }
}
