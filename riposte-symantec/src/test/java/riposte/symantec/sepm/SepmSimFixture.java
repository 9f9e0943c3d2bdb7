package riposte.symantec.sepm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import riposte.simulator.sepm.SepmSimulator;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.http.Sleeper;

/**
 * A SEPM simulator over real HTTPS and a client that trusts its certificate by PEM. Time is the simulator's:
 * the client's clock reads it, and waiting (retry backoff, rate pacing) advances it instead of sleeping, so tests
 * never depend on the wall clock.
 */
final class SepmSimFixture implements AutoCloseable {
    final SepmSimulator sim;
    final Path pem;
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final Sleeper sleeper;
    final Clock clock;

    SepmSimFixture(SepmSimulator.Builder builder) {
        this.sim = builder.build().start();
        try {
            this.pem = Files.createTempFile("sepm-sim", ".pem");
            Files.writeString(pem, sim.certificatePem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.sleeper = d -> {
            waits.add(d);
            sim.advance(d);
        };
        this.clock = new SimulatorClock(sim);
    }

    static SepmSimFixture start(SepmSimulator.Builder builder) {
        return new SepmSimFixture(builder);
    }

    SepmClientBuilder clientBuilder() {
        return SepmClient.builder().baseUrl(sim.baseUrl()).credentials(sim.username(), sim.password(), "")
                .trustedCertificates(pem).clock(clock).sleeper(sleeper)
                .rateGovernorRegistry(new RateGovernor.Registry());
    }

    SepmClient client() {
        return clientBuilder().build();
    }

    /** Calls of one route template so far, e.g. {@code "GET /sepm/api/v1/computers"}. */
    long calls(String template) {
        return sim.stats().http().calls().entrySet().stream().filter(e -> e.getKey().equals(template))
                .mapToLong(e -> e.getValue()).sum();
    }

    @Override
    public void close() throws IOException {
        sim.close();
        Files.deleteIfExists(pem);
    }

    private static final class SimulatorClock extends Clock {
        private final SepmSimulator sim;

        SimulatorClock(SepmSimulator sim) {
            this.sim = sim;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return sim.clock();
        }
    }
}
