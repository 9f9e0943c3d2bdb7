package riposte.symantec.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import riposte.core.enrichment.FileInsight;
import riposte.core.enrichment.NetworkInsight;
import riposte.core.enrichment.ProcessChain;
import riposte.core.enrichment.Protection;
import riposte.core.enrichment.Reputation;
import riposte.core.enrichment.Technology;
import riposte.core.indicator.Cve;
import riposte.core.indicator.Domain;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.Ipv4;
import riposte.core.indicator.Sha256;
import riposte.simulator.fault.Fault;
import riposte.simulator.ses.SesSimulator;
import riposte.symantec.http.AuthenticationException;
import riposte.symantec.http.FakeTime;
import riposte.symantec.http.RateGovernor;
import riposte.symantec.http.UnsupportedIndicatorException;

/** The client against the in-process SES simulator over loopback HTTP, with faults injected. */
class SesClientSimulatorTest {
    static final Sha256 WATERBUG = new Sha256("eec3f761f7eabe9ed569f39e896be24c9bbb8861b15dbde1b3d539505cd9dd8d");
    static final Sha256 PROTECTED = new Sha256("64c731adbe1b96cb5765203b1e215093dcf268d020b299445884a4ae62ed2d3a");
    static final Sha256 WININIT = new Sha256("5a3f0b0929bfc626012f45ce80d4316497c676e1e639bc3b241d5e9b5f113899");
    static final Domain MALNET = new Domain("elblogdeloscachanillas.com.mx");

    private SesSimulator sim;
    private SesClient client;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() {
        sim = SesSimulator.builder().port(0).seed(42).build().start();
        client = clientFor(sim).build();
    }

    /** Fake sleeper: enqueued faults are per request, so waiting for real is not needed to get past them. */
    private SesClient.Builder clientFor(SesSimulator s) {
        return SesClient.builder().baseUrl(s.baseUrl())
                .credentials(SesCredentials.ofOAuthCredentials(s.oauthCredentials()))
                .sleeper(time).clock(time).rateGovernorRegistry(new RateGovernor.Registry());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private long apiCalls() {
        return sim.stats().calls().entrySet().stream().filter(e -> e.getKey().startsWith("GET "))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    @Test
    void everyEndpointParsesTheCuratedFixtures() {
        FileInsight fi = client.fileInsight(WATERBUG);
        assertThat(fi.reputation().kind()).isEqualTo(Reputation.Kind.BAD);
        assertThat(fi.actors()).containsExactly("Waterbug");
        assertThat(fi.associatedReferences()).hasSize(1);

        NetworkInsight domain = client.networkInsight(MALNET);
        assertThat(domain.threatRiskLevel()).isEqualTo(10);
        assertThat(domain.categories()).extracting(c -> c.name()).containsExactly("Malicious Sources/Malnets");
        NetworkInsight ip = client.networkInsight(new Ipv4("8.8.8.8"));
        assertThat(ip.topIndustries()).containsExactly("Retail", "Real Estate", "Manufacturing");
        NetworkInsight url = client.networkInsight(IndicatorParser.parse("http://elblogdeloscachanillas.com.mx/s3sy8rq10/ophn.png"));
        assertThat(url.echo()).isEqualTo("elblogdeloscachanillas.com.mx%2Fs3sy8rq10%2Fophn.png");
        assertThat(url.threatRiskLevel()).isEqualTo(10);

        Protection fp = client.fileProtection(PROTECTED);
        assertThat(fp.detections()).extracting(d -> d.technology().kind()).containsExactly(Technology.Kind.ANTIVIRUS,
                Technology.Kind.INTRUSION_PREVENTION, Technology.Kind.BEHAVIOURAL_ANALYSIS);
        assertThat(client.networkProtection(new Domain("nicolascoolman.eu")).detections()).isNotEmpty();
        Protection cve = client.cveProtection(new Cve("CVE-2023-35311"));
        assertThat(cve.echoKey()).isEqualTo("cve");
        assertThat(cve.detections()).singleElement().satisfies(d -> assertThat(d.threatName()).contains("CVE-2023-35311"));

        assertThat(client.fileRelated(WATERBUG).groups()).extracting(g -> g.relation())
                .containsExactly("byProcessChain", "bySignature");
        ProcessChain chain = client.processChain(WININIT);
        assertThat(chain.flattened()).isNotEmpty();
        assertThat(chain.flattened().get(0).getLast().processName()).isEqualTo("wininit.exe");
        assertThat(client.networkRelated(MALNET).raw()).contains(MALNET.value());
        assertThat(client.networkHistory(MALNET).raw()).contains(MALNET.value());
    }

    @Test
    void populationIndicatorsAndUnknownOnes() {
        Sha256 bad = sim.population().maliciousFile(7);
        assertThat(client.fileInsight(bad).reputation().kind()).isEqualTo(Reputation.Kind.BAD);
        Sha256 unknown = new Sha256("0".repeat(63) + "1");
        assertThat(sim.population().containsFile(unknown.value())).isFalse();
        assertThat(client.fileInsight(unknown).isEmpty()).isTrue();
        assertThat(client.fileProtection(unknown).isEmpty()).isTrue();
        assertThat(client.processChain(unknown).isEmpty()).isTrue();
        assertThat(client.networkInsight(new Domain("never-heard-of-it-riposte.com")).isEmpty()).isTrue();
    }

    @Test
    void md5OnAFileEndpointSendsNoRequest() {
        Indicator md5 = IndicatorParser.parse("d41d8cd98f00b204e9800998ecf8427e");
        assertThatThrownBy(() -> client.fetch(SesEndpoint.FILE_INSIGHT, md5)).isInstanceOf(UnsupportedIndicatorException.class);
        assertThat(sim.stats().calls()).isEmpty();
    }

    @Test
    void tokensExpiredMidRunAreReplacedByExactlyOneNewToken() {
        client.fileInsight(WATERBUG);
        assertThat(sim.stats().tokensIssued()).isEqualTo(1);
        sim.expireAllTokens();
        assertThat(client.fileInsight(WATERBUG).reputation()).isNotNull();
        assertThat(client.fileProtection(PROTECTED).detections()).isNotEmpty();
        assertThat(sim.stats().tokensIssued()).isEqualTo(2);
        assertThat(sim.stats().unauthorized()).isEqualTo(1);
    }

    @Test
    void badCredentialsAreAnAuthenticationFailureWithoutRetries() {
        try (SesClient bad = clientFor(sim).credentials(SesCredentials.ofClientIdAndSecret("riposte-sim", "wrong")).build()) {
            assertThatThrownBy(() -> bad.fileInsight(WATERBUG)).isInstanceOf(AuthenticationException.class)
                    .hasMessageNotContaining("wrong");
        }
        assertThat(sim.stats().calls("POST /v1/oauth2/tokens")).isEqualTo(1);
        assertThat(apiCalls()).isZero();
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilSuccess() {
        sim.enqueue(Fault.status(429).retryAfter(2).times(3).onPath("/v1/threat-intel/"));
        sim.enqueue(Fault.status(503).times(1).onPath("/v1/threat-intel/"));
        assertThat(client.fileInsight(WATERBUG).actors()).containsExactly("Waterbug");
        assertThat(sim.stats().tooManyRequests()).isEqualTo(3);
        assertThat(sim.stats().calls("GET /v1/threat-intel/insight/file/{sha256}")).isEqualTo(5);
        assertThat(time.sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(2)) >= 0).count()).isEqualTo(3);
    }

    @Test
    void aFlakyTokenEndpointIsRetriedToo() {
        sim.enqueue(Fault.status(503).times(2).onPath("/v1/oauth2/tokens"));
        assertThat(client.fileInsight(WATERBUG).actors()).containsExactly("Waterbug");
        assertThat(sim.stats().calls("POST /v1/oauth2/tokens")).isEqualTo(3);
        assertThat(sim.stats().tokensIssued()).isEqualTo(1);
    }

    @Test
    void disconnectsAndStallsPastTheReadTimeoutAreRetried() {
        try (SesClient impatient = clientFor(sim).readTimeout(Duration.ofMillis(300)).build()) {
            impatient.fileInsight(WATERBUG); // token first, so the faults hit the API call
            sim.enqueue(Fault.stall(Duration.ofSeconds(2)).onPath("/v1/threat-intel/"));
            sim.enqueue(Fault.disconnect().onPath("/v1/threat-intel/"));
            assertThat(impatient.fileProtection(PROTECTED).detections()).hasSize(3);
            assertThat(sim.stats().calls("GET /v1/threat-intel/protection/file/{sha256}")).isEqualTo(3);
        }
    }

    @Test
    void regionalRedirectsAreFollowedWithTheTokenReSent() {
        try (SesSimulator eu = SesSimulator.builder().port(0).seed(42).regionRedirect(true).build().start();
             SesClient c = clientFor(eu).build()) {
            assertThat(c.fileInsight(WATERBUG).actors()).containsExactly("Waterbug");
            assertThat(c.networkInsight(MALNET).threatRiskLevel()).isEqualTo(10);
            assertThat(eu.stats().redirects()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aLowRateLimitLosesNoLookups() throws Exception {
        try (SesSimulator limited = SesSimulator.builder().port(0).seed(42).rateLimitPerSecond(40).build().start();
             SesClient c = SesClient.builder().baseUrl(limited.baseUrl())
                     .credentials(SesCredentials.ofOAuthCredentials(limited.oauthCredentials()))
                     .rateGovernorRegistry(new RateGovernor.Registry()).maxConcurrency(8).build()) {
            List<Sha256> files = limited.population().maliciousFiles(60);
            List<Future<FileInsight>> results = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Sha256 f : files) results.add(pool.submit(() -> c.fileInsight(f)));
                for (Future<FileInsight> r : results) assertThat(r.get().reputation()).isNotNull();
            }
            assertThat(limited.stats().calls("GET /v1/threat-intel/insight/file/{sha256}"))
                    .isEqualTo(60 + limited.stats().tooManyRequests());
        }
    }
}
