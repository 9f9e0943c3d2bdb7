package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import riposte.simulator.sepm.SepmSimulator;

/** A 50 000-endpoint fleet streamed page by page into the compliance summary, never collected. */
class SepmClientFleetTest {
    static final int FLEET = 50_000;

    @Test
    void aLargeFleetStreamsThroughEveryPageIntoTheComplianceSummary() throws Exception {
        try (SepmSimFixture f = SepmSimFixture.start(SepmSimulator.builder().endpoints(FLEET).seed(50));
             SepmClient sepm = f.client()) {
            ComplianceCalculator calc = new ComplianceCalculator(ComplianceThresholds.defaults(), f.clock);
            AtomicLong total = new AtomicLong();
            long nonCompliant = 0;
            for (SepmDomain d : sepm.domains()) {
                ComplianceSummary s = calc.summarize(sepm.computers(ComputerQuery.all().withDomain(d.id())));
                total.addAndGet(s.total());
                nonCompliant += s.nonCompliant();
            }
            assertThat(total.get()).isEqualTo(FLEET);
            assertThat(nonCompliant).isPositive().isLessThan(FLEET);
            assertThat(f.calls("GET /sepm/api/v1/computers")).isBetween((long) FLEET / ComputerQuery.DEFAULT_PAGE_SIZE,
                    (long) FLEET / ComputerQuery.DEFAULT_PAGE_SIZE + sepm.domains().size());
        }
    }
}
