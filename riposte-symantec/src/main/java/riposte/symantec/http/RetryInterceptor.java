package riposte.symantec.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries idempotent calls on 429, 500, 502, 503, 504 and on transport failures (connect/read timeouts, resets),
 * with exponential backoff and full jitter, or exactly the {@code Retry-After} when the answer has one; bounded by a
 * {@link RetryPolicy}.
 * When retries run out it returns the last response (or rethrows the last exception) for the caller to map.
 * It tells the {@link RateGovernor} about every 429 and success, and takes a permit before each retry, so that
 * retries are paced like first attempts. Not retried: TLS failures, unknown hosts, {@link FailedCallIOException}.
 *
 * <p>Hand-written rather than resilience4j: it must sit inside OkHttp's chain, read {@code Retry-After} from the
 * response and feed the governor, which is a few lines here and glue code there.
 */
public final class RetryInterceptor implements Interceptor {
    private final RetryPolicy policy;
    private final RateGovernor governor;
    private final Sleeper sleeper;
    private final Clock clock;

    public RetryInterceptor(RetryPolicy policy, RateGovernor governor, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.governor = governor;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    static boolean retriableStatus(int code) {
        return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    static boolean retriable(IOException e) {
        if (e instanceof FailedCallIOException || e instanceof UnknownHostException) return false;
        if (e instanceof SSLException) return false;
        // Cancellation and call timeouts are InterruptedIOExceptions too; only socket timeouts are retried.
                return !(e instanceof InterruptedIOException) || e instanceof SocketTimeoutException;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        AttemptCounter counter = request.tag(AttemptCounter.class);
        RateGovernor.Permit permit = request.tag(RateGovernor.Permit.class);
        long waitedNanos = 0;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 || permit == null) permit = acquire();
            if (counter != null) counter.increment();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (!retriable(e) || attempt >= policy.maxAttempts()) throw e;
                Duration delay = backoff(attempt);
                if (waitedNanos + delay.toNanos() > policy.maxTotalWait().toNanos()) throw e;
                waitedNanos += delay.toNanos();
                sleep(delay);
                continue;
            }
            int code = response.code();
            Duration retryAfter = code == 429 || code == 503 ? RetryAfter.parse(response.header("Retry-After"), clock) : null;
            if (code == 429) governor.onThrottled(permit, retryAfter);
            else if (code < 500) governor.onSuccess(permit);
            if (!retriableStatus(code) || attempt >= policy.maxAttempts()) return response;
            // Retry-After exactly: the governor holds every caller back as long, and paces the retries after it.
            Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
            if (waitedNanos + delay.toNanos() > policy.maxTotalWait().toNanos()) return response;
            response.close();
            waitedNanos += delay.toNanos();
            sleep(delay);
        }
    }

    /** Full jitter: uniform in [0, min(maxDelay, base * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long cap = policy.maxDelay().toNanos();
        long exp = policy.baseDelay().toNanos() << Math.min(attempt - 1, 30);
        return jitter(Duration.ofNanos(exp <= 0 ? cap : Math.min(cap, exp)));
    }

    private static Duration jitter(Duration upTo) {
        long n = upTo.toNanos();
        return n <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(n + 1));
    }

    private void sleep(Duration d) throws IOException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private RateGovernor.Permit acquire() throws IOException {
        try {
            return governor.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a rate permit");
        }
    }
}
