package riposte.symantec.ses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riposte.core.enrichment.Enricher;
import riposte.core.enrichment.Enrichment;
import riposte.core.enrichment.ErrorKind;
import riposte.core.enrichment.Section;
import riposte.core.enrichment.SectionCache;
import riposte.core.enrichment.SectionOutcome;
import riposte.core.enrichment.SectionTtls;
import riposte.core.enrichment.Verdict;
import riposte.core.enrichment.VerdictPolicy;
import riposte.core.indicator.IndicatorParser;
import riposte.symantec.http.FakeTime;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.ses.RecordingSesServer.Reply;

class SesThreatIntelSourceTest {
    private RecordingSesServer server;
    private SesClient client;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() throws Exception {
        server = new RecordingSesServer();
        client = SesClient.builder().baseUrl(server.baseUrl())
                .credentials(SesCredentials.ofClientIdAndSecret("id", "secret"))
                .sleeper(time).clock(time).rateGovernorRegistry(new RateGovernor.Registry()).maxConcurrency(4).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void enrichesADomainEndToEndWithVerdictAndCache() {
        // The enricher fetches sections in parallel, so replies are matched by path, not by order.
        server.enqueueApi("/v1/threat-intel/insight/", Reply.of(200, """
                {"network":"elblogdeloscachanillas.com.mx","threatRiskLevel":{"level":10},
                 "categorization":{"categories":[{"id":43,"name":"Malicious Sources/Malnets"}]},"reputation":"BAD"}"""));
        server.enqueueApi("/v1/threat-intel/protection/", Reply.of(200, """
                {"network":"elblogdeloscachanillas.com.mx","state":[{"technology":"AntiVirus",
                 "firstDefsetVersion":"2023.03.14.024","threatName":"WS.Reputation.1"}]}"""));
        SectionCache cache = SesCache.create(SectionTtls.defaults(), time, 1000);
        Enricher enricher = new Enricher(new SesThreatIntelSource(client), cache, new VerdictPolicy(), time);
        var domain = IndicatorParser.parse("elblogdeloscachanillas.com.mx");
        Enrichment e = enricher.enrich(domain, EnumSet.of(Section.INSIGHT, Section.PROTECTION, Section.PROCESS_CHAIN));
        assertThat(e.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(e.assessment().reasons()).contains("risk level 10 (Malicious)", "category Malicious Sources/Malnets",
                "blocked by AntiVirus as WS.Reputation.1");
        assertThat(e.outcome(Section.PROCESS_CHAIN).orElseThrow()).isInstanceOfSatisfying(SectionOutcome.NotApplicable.class,
                n -> assertThat(n.reason()).contains("SHA-256 only"));
        assertThat(server.apiRequests()).hasSize(2);

        time.advance(Duration.ofMinutes(30));
        Enrichment again = enricher.enrich(domain, EnumSet.of(Section.INSIGHT, Section.PROTECTION));
        assertThat(again.assessment()).isEqualTo(e.assessment());
        assertThat(again.outcomes()).allSatisfy(o -> assertThat(((SectionOutcome.Fetched) o).provenance().cacheHit()).isTrue());
        assertThat(server.apiRequests()).hasSize(2);
    }

    @Test
    void md5GetsReasonsNotRequests() {
        Enricher enricher = new Enricher(new SesThreatIntelSource(client), SectionCache.NONE, new VerdictPolicy(), time);
        Enrichment e = enricher.enrich(IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e"));
        assertThat(e.outcomes()).hasSize(5).allSatisfy(o -> assertThat(o).isInstanceOf(SectionOutcome.NotApplicable.class));
        assertThat(((SectionOutcome.NotApplicable) e.outcomes().get(0)).reason())
                .isEqualTo("insight: the file endpoints take SHA-256 only; MD5 is not accepted");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void failuresBecomeOutcomes() {
        server.enqueueToken(Reply.of(403, "{\"message\":\"Forbidden\"}"));
        Enricher enricher = new Enricher(new SesThreatIntelSource(client), SectionCache.NONE, new VerdictPolicy(), time);
        Enrichment e = enricher.enrich(SesClientWireTest.SHA, EnumSet.of(Section.INSIGHT));
        assertThat(e.outcomes().get(0)).isInstanceOfSatisfying(SectionOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void concurrentCallersShareOneTokenFetch() throws Exception {
        server.enqueueToken(Reply.of(200, "{\"access_token\":\"slow\",\"expires_in\":3600}").stall(300));
        List<Future<?>> futures = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) futures.add(pool.submit(() -> client.fileInsight(SesClientWireTest.SHA)));
            for (Future<?> f : futures) f.get();
        }
        assertThat(server.tokenRequests()).hasSize(1);
        assertThat(server.apiRequests()).hasSize(50).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer slow"));
    }
}
