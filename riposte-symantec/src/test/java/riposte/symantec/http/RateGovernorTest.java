package riposte.symantec.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateGovernorTest {
    private final FakeTime time = new FakeTime();

    /** A service-side token bucket: {@code limit} per second, bucket of {@code burst}. */
    private final class Service {
        final double limit;
        final double burst;
        double tokens;
        long last;

        Service(double limit, double burst) {
            this.limit = limit;
            this.burst = burst;
            this.tokens = burst;
        }

        boolean allow() {
            long now = time.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * limit);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Sends requests back to back for {@code seconds}; returns {successes, throttled} in the last half. */
    private int[] drive(RateGovernor governor, Service service, int seconds) throws InterruptedException {
        long end = Duration.ofSeconds(seconds).toNanos();
        long half = end / 2;
        int ok = 0;
        int throttled = 0;
        while (time.nanoTime() < end) {
            governor.acquire();
            time.advance(Duration.ofMillis(1)); // the call itself takes a little time
            boolean allowed = service.allow();
            if (allowed) governor.onSuccess();
            else governor.onThrottled(Duration.ofSeconds(1));
            if (time.nanoTime() >= half) {
                if (allowed) ok++;
                else throttled++;
            }
        }
        return new int[] {ok, throttled};
    }

    @Test
    void learnsAnUnknownLimitAndSettlesJustUnderIt() throws InterruptedException {
        RateGovernor governor = new RateGovernor(null, time::nanoTime, time);
        int[] r = drive(governor, new Service(20, 5), 240);
        double throughput = r[0] / 120.0;
        assertThat(throughput).isBetween(15.0, 20.0);
        // Settled: few 429s compared with the successes (no storms).
        assertThat(r[1]).isLessThan(r[0] / 50);
        assertThat(governor.rate()).isBetween(14.0, 25.0);
    }

    @Test
    void aKnownLimitIsTheStartAndTheCeiling() throws InterruptedException {
        RateGovernor governor = new RateGovernor(10.0, time::nanoTime, time);
        int[] r = drive(governor, new Service(50, 50), 60);
        assertThat(r[1]).isZero();
        assertThat(r[0] / 30.0).isBetween(9.0, 10.1);
        assertThat(governor.rate()).isEqualTo(10.0);
    }

    @Test
    void retryAfterHoldsEveryoneBackAndBurstsOf429CountOnce() throws InterruptedException {
        RateGovernor governor = new RateGovernor(100.0, time::nanoTime, time);
        governor.onThrottled(Duration.ofSeconds(3));
        governor.onThrottled(Duration.ofSeconds(3));
        governor.onThrottled(Duration.ofSeconds(3));
        assertThat(governor.rate()).isEqualTo(100.0 * RateGovernor.DECREASE);
        long before = time.nanoTime();
        governor.acquire();
        assertThat(time.nanoTime() - before).isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void sharedPerCredentialKey() {
        RateGovernor.Registry registry = new RateGovernor.Registry();
        RateGovernor a = registry.governor("host|id", () -> new RateGovernor(null, time::nanoTime, time));
        RateGovernor b = registry.governor("host|id", () -> new RateGovernor(5.0, time::nanoTime, time));
        RateGovernor c = registry.governor("host|other", () -> new RateGovernor(5.0, time::nanoTime, time));
        assertThat(a).isSameAs(b).isNotSameAs(c);
    }
}
