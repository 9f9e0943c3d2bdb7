package riposte.symantec.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For any token-bucket limit from 5 to 2000/s and any latency from 5 to 300 ms, with or without {@code Retry-After},
 * a governor that knows nothing converges: after 10 s it achieves 90 to 101 % of the limit with under 2 % of the
 * requests throttled (deterministic simulation on a fake clock, {@link GovernorSimulation}).
 *
 * <p>The range was 5–200 ms for a while: seed 8839460276061358434 found 0.89–0.90 of the limit at 300 ms (limits
 * 35.08 and 76.89/s, no {@code Retry-After}); fixed by "one cut per round trip" in {@link RateGovernor#onThrottled}
 * and kept as {@code RateGovernorTest.highLatencyAfterSlowStartStillReachesTheLimit}. The seed is fixed so that the
 * build is repeatable; change it locally to explore.
 */
class RateGovernorPropertiesTest {

    @Property(tries = 25, seed = "20261204")
    void convergesOnAnyUnknownLimit(@ForAll @DoubleRange(min = 5, max = 2000) double limit,
            @ForAll @LongRange(min = 5, max = 300) long latencyMillis, @ForAll boolean retryAfter) {
        FakeTime time = new FakeTime();
        RateGovernor governor = new RateGovernor(null, time::nanoTime, time);
        int callers = (int) Math.max(8, Math.ceil(3 * limit * latencyMillis / 1000.0));
        var result = new GovernorSimulation(time, governor, limit, retryAfter).run(callers,
                Duration.ofMillis(latencyMillis), Duration.ofSeconds(120), Duration.ofSeconds(10));
        assertThat(result.ratio()).as("%s", result).isBetween(0.9, 1.01);
        assertThat(result.throttledShare()).as("%s", result).isLessThan(0.02);
    }
}
