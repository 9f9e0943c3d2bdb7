package riposte.symantec.sepm;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One endpoint's compliance: a row of the "non-compliant endpoints status details" table. {@code lastUpdate} is
 * null if the endpoint never reported; {@code hostIntegrity} is SEPM's {@code quarantineDesc} as sent.
 */
public record EndpointCompliance(String computerId, String computerName, String hardwareKey, String groupPath,
                                 List<String> ipAddresses, String operatingSystem, Set<ComplianceIssue> issues,
                                 List<ProtectionFeature> disabledFeatures,
                                 List<ProtectionFeature> malfunctioningFeatures, Instant lastUpdate,
                                 String hostIntegrity) {
    public EndpointCompliance {
        ipAddresses = List.copyOf(ipAddresses);
        issues = Set.copyOf(issues);
        disabledFeatures = List.copyOf(disabledFeatures);
        malfunctioningFeatures = List.copyOf(malfunctioningFeatures);
    }

    public boolean compliant() {
        return issues.isEmpty();
    }
}
