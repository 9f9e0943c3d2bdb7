package riposte.core.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.Domain;

class VerdictPolicyTest {
    private final VerdictPolicy policy = new VerdictPolicy();
    private final Domain domain = new Domain("evil-site.com");

    private NetworkInsight network(Integer level, String... categories) {
        return new NetworkInsight(domain, "x.example", level,
                java.util.Arrays.stream(categories).map(c -> new Category(null, c)).toList(),
                null, null, null, null, List.of(), List.of(), List.of(), "{}");
    }

    private FileInsight file(String reputation) {
        return new FileInsight(SectionParserTest.SHA, "x", reputation == null ? null : new Reputation(reputation),
                null, null, null, List.of(), List.of(), List.of(), List.of(), "{}");
    }

    @Test
    void fileReputationDecides() {
        assertThat(policy.assess(List.of(file("BAD")))).isEqualTo(new Assessment(Verdict.MALICIOUS, List.of("reputation BAD")));
        assertThat(policy.assess(List.of(file("GOOD"))).verdict()).isEqualTo(Verdict.BENIGN);
        assertThat(policy.assess(List.of(file(null))).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(policy.assess(List.of(file("WEIRD"))).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void networkRiskLevelThresholds() {
        assertThat(policy.assess(List.of(network(5))).verdict()).isEqualTo(Verdict.BENIGN);
        assertThat(policy.assess(List.of(network(6))).verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(policy.assess(List.of(network(7))).verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(policy.assess(List.of(network(8))).verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(policy.assess(List.of(network(10))).reasons()).containsExactly("risk level 10 (Malicious)");
    }

    @Test
    void categoriesRaiseTheVerdict() {
        Assessment a = policy.assess(List.of(network(2, "Phishing")));
        assertThat(a.verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(a.reasons()).containsExactly("risk level 2 (Safe)", "category Phishing");
        assertThat(policy.assess(List.of(network(1, "Dynamic DNS Host"))).verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(policy.assess(List.of(network(1, "Web Infrastructure"))).verdict()).isEqualTo(Verdict.BENIGN);
    }

    @Test
    void aDetectionIsAtLeastSuspicious() {
        Protection p = new Protection(SectionParserTest.SHA, "file", "x",
                List.of(new Protection.Detection(new Technology("AntiVirus"), "20160428.021", "Trojan.Gen.2")), "{}");
        Assessment a = policy.assess(List.of(file("GOOD"), p));
        assertThat(a.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(a.reasons()).contains("blocked by AntiVirus as Trojan.Gen.2");
    }

    @Test
    void thresholdsAreConfigurable() {
        VerdictPolicy strict = new VerdictPolicy(2, 4, Set.of(), Set.of());
        assertThat(strict.assess(List.of(network(4))).verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(strict.assess(List.of(network(3))).verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(strict.assess(List.of(network(1, "Phishing"))).verdict()).isEqualTo(Verdict.BENIGN);
    }

    @Test
    void riskLevelLabels() {
        assertThat(RiskLevels.label(0)).isEqualTo("Customer Override");
        assertThat(RiskLevels.label(7)).isEqualTo("Suspicious/Risky");
        assertThat(RiskLevels.label(10)).isEqualTo("Malicious");
        assertThat(RiskLevels.label(11)).isEqualTo("Unknown");
    }
}
