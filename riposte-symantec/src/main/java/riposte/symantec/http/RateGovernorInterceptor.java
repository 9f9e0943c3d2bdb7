package riposte.symantec.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Bounds in-flight calls with a semaphore (so thousands of virtual-thread callers share a few sockets) and takes a
 * {@link RateGovernor} permit before the first attempt, tagging the request with it ({@link RateGovernor.Permit}) so
 * that {@link RetryInterceptor} reports the answer against it; that interceptor takes a permit before each retry. The
 * two bounds are separate: the semaphore limits concurrency, the governor only the rate.
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
            RateGovernor.Permit permit = governor.acquire();
            return chain.proceed(chain.request().newBuilder().tag(RateGovernor.Permit.class, permit).build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a rate permit");
        } finally {
            // The body is read after this returns; the slot is about the request, which is complete by then.
            inFlight.release();
        }
    }
}
