package riposte.symantec.http;

import java.util.concurrent.atomic.AtomicInteger;

/** A request tag that {@link RetryInterceptor} counts attempts into, so the caller can report them. */
public final class AttemptCounter {
    private final AtomicInteger attempts = new AtomicInteger();

    void increment() {
        attempts.incrementAndGet();
    }

    public int attempts() {
        return attempts.get();
    }
}
