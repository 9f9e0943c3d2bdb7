package riposte.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The short version of {@link FuzzBenchmark} (issue 16 item 8): every target, a few thousand inputs each with a fixed
 * seed, must produce no finding. The million-input run is the benchmark's, with its figures in docs/benchmarks.md.
 */
class FuzzShortRunTest {
    private static final long SEED = 20261207;

    @TestFactory
    Stream<DynamicTest> everyTargetSurvivesAShortRun() {
        return FuzzBenchmark.targets().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            try (FuzzTarget target = e.getValue().call()) {
                Fuzzer.Result r = Fuzzer.run(target, inputsFor(e.getKey()), SEED, Duration.ofSeconds(20));
                assertThat(r.findings()).as(e.getKey()).isEmpty();
                assertThat(r.inputs()).isEqualTo(inputsFor(e.getKey()));
            }
        }));
    }

    private static long inputsFor(String target) {
        return target.contains("HTTP") ? 300 : 2000;
    }

    /** The fuzzer itself: a target that throws is reported with its input, one that hangs is reported as a hang. */
    @Test
    void findingsAndHangsAreReported() throws Exception {
        FuzzTarget failing = new FuzzTarget() {
            public String name() {
                return "failing";
            }

            public String next(Mutator m) {
                return m.text("abc");
            }

            public void feed(String input) {
                if (input.length() > 3) throw new IllegalStateException("too long: " + input.length());
                if (input.equals("abc")) return;
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Fuzzer.Result r = Fuzzer.run(failing, 40, SEED, Duration.ofMillis(300));
        assertThat(r.inputs()).isEqualTo(40);
        assertThat(r.findings()).extracting(Fuzzer.Finding::signature)
                .anySatisfy(s -> assertThat(s).startsWith("java.lang.IllegalStateException").contains("too long: N"))
                .anySatisfy(s -> assertThat(s).startsWith("hang:"));
    }
}
