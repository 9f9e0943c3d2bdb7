package riposte.symantec.sepm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SepmComplianceCalculatorTest {
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String HI_PASSED = "Host Integrity check passed.";

    static Computer computer(String name, Integer online, String hi, Long lastUpdate, Integer ap, Integer fw, Integer tamper) {
        return new Computer("ID" + name, name, "HK" + name, null, null, List.of("10.0.0.1"), List.of(), null,
                new ComputerGroup("G", "My Company\\Servers", null, null, null, new DomainRef("D", "Default")),
                null, "Windows 10", null, null, null, null, null, online, 0, null, hi, null, null, null,
                0L, lastUpdate, 0L, 0L, 0L, ap, 1, 1, 1, 1, 1, 1, fw, 1, 1, tamper, null, null, null);
    }

    static Computer healthy(String name) {
        return computer(name, 1, HI_PASSED, NOW.minusSeconds(60).toEpochMilli(), 1, 1, 1);
    }

    final ComplianceCalculator calc = new ComplianceCalculator(ComplianceThresholds.defaults(), CLOCK);

    @Test
    void aHealthyEndpointIsCompliant() {
        assertThat(calc.evaluate(healthy("a")).compliant()).isTrue();
    }

    @Test
    void disabledAndMalfunctioningEnginesAreDetected_theFnSepBugIsFixed() {
        EndpointCompliance e = calc.evaluate(computer("b", 1, HI_PASSED, NOW.toEpochMilli(), 0, 4, 1));
        assertThat(e.issues()).containsExactlyInAnyOrder(ComplianceIssue.PROTECTION_DISABLED, ComplianceIssue.PROTECTION_MALFUNCTIONING);
        assertThat(e.disabledFeatures()).containsExactly(ProtectionFeature.AUTO_PROTECT);
        assertThat(e.malfunctioningFeatures()).containsExactly(ProtectionFeature.FIREWALL);
        // not installed (2) and not reporting (127) are not failures
        assertThat(calc.evaluate(computer("c", 1, HI_PASSED, NOW.toEpochMilli(), 2, 127, 1)).compliant()).isTrue();
    }

    @Test
    void requiredFeaturesAreConfigurable() {
        var onlyTamper = new ComplianceCalculator(ComplianceThresholds.defaults().withRequiredFeatures(Set.of(ProtectionFeature.TAMPER_PROTECTION)), CLOCK);
        assertThat(onlyTamper.evaluate(computer("d", 1, HI_PASSED, NOW.toEpochMilli(), 0, 0, 1)).compliant()).isTrue();
        assertThat(onlyTamper.evaluate(computer("d", 1, HI_PASSED, NOW.toEpochMilli(), 1, 1, 0)).issues())
                .containsExactly(ComplianceIssue.PROTECTION_DISABLED);
    }

    @Test
    void hostIntegrityFailsOnlyOnAReportedFailureUnlessStrict() {
        String disabled = "Host Integrity check is disabled.\n Host Integrity policy has been disabled by the administrator.";
        assertThat(calc.evaluate(computer("e", 1, disabled, NOW.toEpochMilli(), 1, 1, 1)).compliant()).isTrue();
        assertThat(calc.evaluate(computer("mac", 1, null, NOW.toEpochMilli(), 1, 1, 1)).compliant()).isTrue();
        assertThat(calc.evaluate(computer("f", 1, "Host Integrity check failed.", NOW.toEpochMilli(), 1, 1, 1)).issues())
                .containsExactly(ComplianceIssue.HOST_INTEGRITY_FAILED);
        var strict = new ComplianceCalculator(ComplianceThresholds.defaults().withHostIntegrity(true, true), CLOCK);
        assertThat(strict.evaluate(computer("e", 1, disabled, NOW.toEpochMilli(), 1, 1, 1)).issues())
                .containsExactly(ComplianceIssue.HOST_INTEGRITY_FAILED);
        var off = new ComplianceCalculator(ComplianceThresholds.defaults().withHostIntegrity(false, true), CLOCK);
        assertThat(off.evaluate(computer("e", 1, "Host Integrity check failed.", NOW.toEpochMilli(), 1, 1, 1)).compliant()).isTrue();
    }

    @Test
    void heartbeatAgeIsConfigurableAndNeverReportedIsOutOfDate() {
        Computer old = computer("g", 1, HI_PASSED, NOW.minus(Duration.ofMinutes(20)).toEpochMilli(), 1, 1, 1);
        assertThat(calc.evaluate(old).issues()).containsExactly(ComplianceIssue.OUT_OF_DATE);
        var lenient = new ComplianceCalculator(ComplianceThresholds.defaults().withMaxHeartbeatAge(Duration.ofHours(1)), CLOCK);
        assertThat(lenient.evaluate(old).compliant()).isTrue();
        EndpointCompliance never = calc.evaluate(computer("h", 1, HI_PASSED, null, 1, 1, 1));
        assertThat(never.issues()).containsExactly(ComplianceIssue.OUT_OF_DATE);
        assertThat(never.lastUpdate()).isNull();
        assertThat(calc.evaluate(computer("i", 1, HI_PASSED, 0L, 1, 1, 1)).issues()).containsExactly(ComplianceIssue.OUT_OF_DATE);
    }

    @Test
    void summaryCountsEachNonCompliantEndpointOnceAndDetailsListThem() {
        List<Computer> fleet = List.of(healthy("a"), healthy("b"),
                computer("off", 0, "Host Integrity check failed.", 0L, 0, 1, 1),
                computer("fw", 1, HI_PASSED, NOW.toEpochMilli(), 1, 0, 1));
        ComplianceSummary s = calc.summarize(fleet.stream());
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.nonCompliant()).isEqualTo(2);
        assertThat(s.compliant()).isEqualTo(2);
        assertThat(s.count(ComplianceIssue.OFFLINE)).isEqualTo(1);
        assertThat(s.count(ComplianceIssue.PROTECTION_DISABLED)).isEqualTo(2);
        assertThat(s.count(ComplianceIssue.HOST_INTEGRITY_FAILED)).isEqualTo(1);
        assertThat(s.allCompliant()).isFalse();
        assertThat(calc.nonCompliant(fleet.stream()).map(EndpointCompliance::computerName)).containsExactly("off", "fw");
        assertThat(calc.nonCompliant(fleet.stream()).findFirst().orElseThrow().groupPath()).isEqualTo("My Company\\Servers");
        var offlineOk = new ComplianceCalculator(ComplianceThresholds.defaults().withOfflineIsNonCompliant(false)
                .withRequiredFeatures(EnumSet.noneOf(ProtectionFeature.class)), CLOCK);
        assertThat(offlineOk.evaluate(computer("off", 0, HI_PASSED, NOW.toEpochMilli(), 0, 0, 0)).compliant()).isTrue();
        assertThat(calc.summarize(Stream.empty()).allCompliant()).isTrue();
    }
}
