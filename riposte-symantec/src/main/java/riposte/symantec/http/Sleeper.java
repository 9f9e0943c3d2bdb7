package riposte.symantec.http;

import java.time.Duration;

/** Waits; injected so tests can run retries and rate limiting on a fake clock without sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) Thread.sleep(d);
    };

    void sleep(Duration duration) throws InterruptedException;
}
