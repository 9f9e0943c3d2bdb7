package riposte.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import riposte.core.indicator.IndicatorParser;

class PlaybookConditionsTest {
    private final Expressions cel = new Expressions();
    private final PlaybookSubject sha256 = PlaybookSubject.indicator(
            IndicatorParser.parse("d48eb40c5d381de1451f72ba519d932b2a86d0c2388c67bb5a164e64c0130b6c"),
            Map.of("Symantec ThreatIntel Prevalence", "Low"), List.of());

    private Map<String, Object> vars(PlaybookSubject s) {
        return Map.of(s.ref().kind().variable(), s.data());
    }

    @Test
    void indicatorConditionsOverTypeAndAttributes() {
        String unenriched = "indicator.type == 'sha256' && !('Symantec ThreatIntel Reputation' in indicator.attributes)";
        assertThat(cel.condition(unenriched).test(vars(sha256))).isTrue();
        assertThat(cel.condition("'Symantec ThreatIntel Prevalence' in indicator.attributes").test(vars(sha256)))
                .isTrue();
        assertThat(cel.condition("indicator.type == 'domain'").test(vars(sha256))).isFalse();
    }

    @Test
    void rowConditions() {
        PlaybookSubject row = PlaybookSubject.row("sep_endpoint_details", "7",
                Map.of("quarantine_status", "Not quarantined", "matches", 3));
        assertThat(cel.condition("row.quarantine_status == 'Not quarantined'").test(vars(row))).isTrue();
        assertThat(cel.condition("row.matches > 2 && row.quarantine_status != 'Quarantined'").test(vars(row))).isTrue();
        assertThat(cel.condition("row.matches > 5").test(vars(row))).isFalse();
    }

    @Test
    void typeMismatchesAreClearErrors() {
        assertThatThrownBy(() -> cel.condition("indicator.value > 3").test(vars(sha256)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("cannot evaluate 'indicator.value > 3'");
        assertThatThrownBy(() -> cel.condition("indicator.value").test(vars(sha256)))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("gave string").hasMessageContaining("not a bool");
        assertThatThrownBy(() -> cel.condition("1 + 'a' == 2"))
                .isInstanceOf(ExpressionException.class).satisfies(e ->
                        assertThat(((ExpressionException) e).column()).isPositive());
        assertThatThrownBy(() -> cel.condition("indicatr.type == 'sha256'"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("indicatr");
    }

    @Test
    void compiledOnceEvaluatedMany() {
        assertThat(cel.condition("row.a == 1")).isSameAs(cel.condition("row.a == 1"));
    }

    @Test
    void applicablePlaybooksFollowObjectTypeAndCondition() {
        PlaybookCatalog catalog = new PlaybookLoader(FunctionCatalog.symantec(), cel).load(null);
        assertThat(catalog.applicable(sha256)).extracting(PlaybookDefinition::id).containsExactlyInAnyOrder(
                "ses-file-insight", "ses-file-insight-json", "ses-file-related", "ses-file-related-json",
                "ses-file-protection", "ses-file-protection-json", "ses-process-chain", "ses-process-chain-json");
        PlaybookSubject domain = PlaybookSubject.indicator(IndicatorParser.parse("minergate.com"));
        assertThat(catalog.applicable(domain)).extracting(PlaybookDefinition::id).contains("ses-network-insight",
                "ses-network-history").doesNotContain("ses-file-insight", "ses-cve-protection");
        PlaybookSubject row = PlaybookSubject.row("t", "1", Map.of());
        assertThat(catalog.applicable(row)).isEmpty();
    }
}
