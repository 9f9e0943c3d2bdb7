package riposte.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkRunnerTest {

    @Test
    void resultsComeOutInInputOrderWithDuplicatesAndInvalidLinesInPlace() throws Exception {
        List<String> texts = new ArrayList<>(IntStream.range(0, 300).mapToObj(i -> "10.0." + (i / 256) + "." + (i % 256)).toList());
        texts.add(7, "not an indicator!");
        texts.add(20, "10.0.0.3");
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        BulkRunner<String> runner = new BulkRunner<>(4, indicator -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return indicator.value().toUpperCase();
        });
        List<String> seen = new ArrayList<>();
        boolean finished = runner.run(IndicatorInput.fromArguments(texts).iterator(), item -> {
            seen.add(switch (item) {
                case BulkRunner.Item.Done<String> d -> d.result();
                case BulkRunner.Item.Duplicate<String> d -> "dup " + d.indicator().value();
                case BulkRunner.Item.Invalid<String> i -> "invalid " + i.line().origin();
            });
            return true;
        });
        assertThat(finished).isTrue();
        assertThat(seen).hasSize(302);
        assertThat(seen.get(0)).isEqualTo("10.0.0.0");
        assertThat(seen.get(7)).isEqualTo("invalid argument 8");
        assertThat(seen.get(20)).isEqualTo("dup 10.0.0.3");
        assertThat(seen.get(301)).isEqualTo("10.0.1.43");
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void theSinkCanStopTheRun() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BulkRunner<Integer> runner = new BulkRunner<>(2, i -> calls.incrementAndGet());
        List<String> texts = IntStream.range(0, 10_000).mapToObj(i -> "10.1." + (i / 256) + "." + (i % 256)).toList();
        AtomicInteger accepted = new AtomicInteger();
        boolean finished = runner.run(IndicatorInput.fromArguments(texts).iterator(), item -> accepted.incrementAndGet() < 5);
        assertThat(finished).isFalse();
        assertThat(accepted.get()).isEqualTo(5);
        assertThat(calls.get()).isLessThan(100); // bounded by the queue, not the input
    }

    @Test
    void aFailingWorkItemFailsTheRunWithoutHanging() {
        BulkRunner<Integer> runner = new BulkRunner<>(2, i -> {
            throw new IllegalStateException("boom");
        });
        List<String> texts = IntStream.range(0, 1000).mapToObj(i -> "10.2." + (i / 256) + "." + (i % 256)).toList();
        assertThatThrownBy(() -> runner.run(IndicatorInput.fromArguments(texts).iterator(), item -> true))
                .hasMessage("boom");
    }
}
