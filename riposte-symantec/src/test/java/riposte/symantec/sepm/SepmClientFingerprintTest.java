package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.IndicatorParser;
import riposte.simulator.sepm.SepmSimulator;

/** Fingerprint lists v1/v2, 409/410, lockdown assignment and 429 backoff, against the simulator. */
class SepmClientFingerprintTest {
    static final String MD5_A = "582F9B6E0CC4C1DBBD772AAAF088CB3A";
    static final String MD5_B = "0b9e4cb2af3dd1686accf0c469ce7b60";
    static final String SHA = "9a4e26d0b0f4f2a6f4f2c4b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1";
    static SepmSimFixture f;
    static SepmClient sepm;
    static String domain;

    @BeforeAll
    static void start() {
        f = SepmSimFixture.start(SepmSimulator.builder().endpoints(20).seed(31));
        sepm = f.client();
        domain = sepm.domains().getFirst().id();
    }

    @AfterAll
    static void stop() throws Exception {
        sepm.close();
        f.close();
    }

    @Test
    void createGetReplaceDeleteWith409And410() {
        assertThat(sepm.fingerprintListByName("Blacklist-1", domain)).isEmpty();
        String id = sepm.createFingerprintList(FingerprintListRequest.of("Blacklist-1", "Riposte test", domain, List.of(MD5_A)));
        FingerprintList list = sepm.fingerprintListByName("Blacklist-1", domain).orElseThrow();
        assertThat(list.id()).isEqualTo(id);
        assertThat(list.fingerprints()).containsExactly(new Fingerprint("MD5", MD5_A));
        assertThat(list.source()).isEqualTo("WEBSERVICE");

        assertThatThrownBy(() -> sepm.createFingerprintList(FingerprintListRequest.of("Blacklist-1", "again", domain, List.of(MD5_B))))
                .isInstanceOfSatisfying(SepmApiException.class, e -> {
                    assertThat(e.conflict()).isTrue();
                    assertThat(e.errorMessage()).contains("already exists");
                });

        FingerprintListRequest more = FingerprintListRequest.of("Blacklist-1", "Riposte test", domain, List.of(MD5_A))
                .plus(IndicatorParser.parse(MD5_B));
        sepm.replaceFingerprintList(id, more);
        assertThat(sepm.fingerprintList(id).orElseThrow().fingerprints()).extracting(Fingerprint::value)
                .containsExactlyInAnyOrder(MD5_A.toLowerCase(), MD5_B);

        assertThat(sepm.deleteFingerprintList(id)).isTrue();
        assertThat(sepm.fingerprintList(id)).isEmpty();
        assertThat(sepm.deleteFingerprintList(id)).isFalse();
        assertThatThrownBy(() -> sepm.replaceFingerprintList(id, more))
                .isInstanceOfSatisfying(SepmApiException.class, e -> assertThat(e.notFound()).isTrue());
    }

    @Test
    void aListWithoutADomainGoesToTheAdministratorsLoginDomainNeverAnEmptyId() {
        assertThat(sepm.defaultDomainId()).isEqualTo(domain); // the simulator logs admins on to its first domain
        String id = sepm.createFingerprintList(FingerprintListRequest.of("No-domain", "", null, List.of(MD5_A)));
        FingerprintList list = sepm.fingerprintListByName("No-domain", sepm.defaultDomainId()).orElseThrow();
        assertThat(list.id()).isEqualTo(id);
        sepm.replaceFingerprintList(id, FingerprintListRequest.of("No-domain", "", "", List.of(MD5_A, MD5_B)));
        assertThat(sepm.fingerprintList(id).orElseThrow().fingerprints()).hasSize(2);
        assertThat(sepm.deleteFingerprintList(id)).isTrue();
    }

    @Test
    void mixedHashTypesGoToV2() {
        long v2Creates = f.calls("POST /sepm/api/v2/policy-objects/fingerprints");
        String id = sepm.createFingerprintList(FingerprintListRequest.of("Mixed", "", domain, List.of(MD5_A, SHA)));
        assertThat(f.calls("POST /sepm/api/v2/policy-objects/fingerprints")).isEqualTo(v2Creates + 1);
        assertThat(sepm.fingerprintList(id).orElseThrow().fingerprints()).extracting(Fingerprint::value)
                .containsExactlyInAnyOrder(MD5_A.toLowerCase(), SHA);
        assertThatThrownBy(() -> FingerprintListRequest.of("Bad", "", domain, List.of("a".repeat(40))))
                .isInstanceOf(SepmInvalidRequestException.class).hasMessageContaining("SHA-1");
        assertThatThrownBy(() -> FingerprintListRequest.of("a/b", "", domain, List.of(MD5_A))).isInstanceOf(SepmInvalidRequestException.class);
        assertThatThrownBy(() -> FingerprintListRequest.of("Empty", "", domain, List.of())).isInstanceOf(SepmInvalidRequestException.class);
    }

    @Test
    void lockdownAssignment() {
        String id = sepm.createFingerprintList(FingerprintListRequest.of("Lockdown", "", domain, List.of(MD5_B)));
        Group own = sepm.groups(GroupQuery.all()).filter(g -> Boolean.FALSE.equals(g.policyInheritanceEnabled())).findFirst().orElseThrow();
        sepm.assignLockdown(own.id(), id);
        assertThat(sepm.fingerprintList(id).orElseThrow().groupIds()).contains(own.id());
        // a second assignment is SEPM's 422 "already assigned", not another 200
        assertThatThrownBy(() -> sepm.assignLockdown(own.id(), id))
                .isInstanceOfSatisfying(SepmApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errorMessage()).contains("already assigned");
                });
        assertThat(sepm.fingerprintList(id).orElseThrow().groupIds()).containsOnlyOnce(own.id());
        Group inheriting = sepm.groups(GroupQuery.all()).filter(g -> Boolean.TRUE.equals(g.policyInheritanceEnabled())).findFirst().orElseThrow();
        assertThatThrownBy(() -> sepm.assignLockdown(inheriting.id(), id))
                .isInstanceOfSatisfying(SepmApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> sepm.assignLockdown(own.id(), "0123456789ABCDEF0123456789ABCDEF"))
                .isInstanceOfSatisfying(SepmApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> sepm.assignLockdown("not-a-group", id)).isInstanceOf(SepmInvalidRequestException.class);
    }

    @Test
    void addAndRemoveHashesTheWayTheGuideWorkflowsDo() {
        FingerprintListEditor editor = new FingerprintListEditor(sepm);
        String id = editor.addHash("Guide", domain, MD5_A, "Hashes from incidents");
        assertThat(editor.addHash("Guide", domain, MD5_B, null)).isEqualTo(id);
        assertThat(editor.addHash("Guide", domain, MD5_B.toUpperCase(), null)).isEqualTo(id);
        assertThat(sepm.fingerprintList(id).orElseThrow().fingerprints()).hasSize(2);
        assertThat(editor.removeHash("Guide", domain, SHA)).isEqualTo(FingerprintListEditor.Removal.NOT_PRESENT);
        assertThat(editor.removeHash("Guide", domain, MD5_A)).isEqualTo(FingerprintListEditor.Removal.REMOVED);
        assertThat(sepm.fingerprintList(id).orElseThrow().fingerprints()).extracting(Fingerprint::value).containsExactly(MD5_B);
        assertThat(editor.removeHash("Guide", domain, MD5_B)).isEqualTo(FingerprintListEditor.Removal.LIST_DELETED);
        assertThat(sepm.fingerprintList(id)).isEmpty();
        assertThat(editor.removeHash("Guide", domain, MD5_B)).isEqualTo(FingerprintListEditor.Removal.NO_SUCH_LIST);
    }

    @Test
    void throttled429IsWaitedOutHonouringRetryAfter() throws Exception {
        try (SepmSimFixture throttled = SepmSimFixture.start(SepmSimulator.builder().endpoints(5).seed(32).rateLimitPerMinute(4));
             SepmClient client = throttled.client()) {
            for (int i = 0; i < 10; i++) assertThat(client.domains()).isNotEmpty();
            assertThat(throttled.sim.stats().http().tooManyRequests()).isPositive();
            assertThat(throttled.waits).isNotEmpty();
            assertThat(throttled.waits.stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void a429ThatOutlastsTheAttemptsIsAnUpstreamError() throws Exception {
        try (SepmSimFixture throttled = SepmSimFixture.start(SepmSimulator.builder().endpoints(5).seed(33).rateLimitPerMinute(2));
             SepmClient client = throttled.clientBuilder().maxAttempts(1).build()) {
            client.domains(); // authenticate + 1 call fill the window
            assertThatThrownBy(client::domains).isInstanceOfSatisfying(SepmApiException.class, e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.retriable()).isTrue();
                assertThat(e.errorKind().name()).isEqualTo("UPSTREAM");
            });
        }
    }
}
