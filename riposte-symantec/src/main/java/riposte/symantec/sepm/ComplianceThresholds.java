package riposte.symantec.sepm;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What makes an endpoint compliant. {@code maxHeartbeatAge}: the longest time since {@code lastUpdateTime}
 * (fn_sep: 900 s). {@code requiredFeatures}: flags that must not be off or malfunctioning (not installed and not
 * reporting are accepted). {@code checkHostIntegrity}: evaluate {@code quarantineDesc}; {@code strictHostIntegrity}:
 * anything but "passed" fails, as fn_sep did (which also fails endpoints whose Host Integrity is disabled, and every
 * macOS and Linux endpoint, which have none). {@code offlineIsNonCompliant}: count offline endpoints.
 */
public record ComplianceThresholds(Duration maxHeartbeatAge, Set<ProtectionFeature> requiredFeatures,
                                   boolean checkHostIntegrity, boolean strictHostIntegrity,
                                   boolean offlineIsNonCompliant) {
    /** fn_sep's {@code HB_DEF}: the SEPM default heartbeat is a few minutes, so 15 minutes means missed heartbeats. */
    public static final Duration DEFAULT_MAX_HEARTBEAT_AGE = Duration.ofSeconds(900);

    public ComplianceThresholds {
        if (maxHeartbeatAge == null || maxHeartbeatAge.isNegative() || maxHeartbeatAge.isZero()) {
            throw new IllegalArgumentException("maxHeartbeatAge must be positive");
        }
        requiredFeatures = requiredFeatures == null || requiredFeatures.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredFeatures));
    }

    /** 15 minutes, every engine flag, Host Integrity evaluated leniently, offline counted. */
    public static ComplianceThresholds defaults() {
        return new ComplianceThresholds(DEFAULT_MAX_HEARTBEAT_AGE, EnumSet.allOf(ProtectionFeature.class), true, false, true);
    }

    public ComplianceThresholds withMaxHeartbeatAge(Duration d) {
        return new ComplianceThresholds(d, requiredFeatures, checkHostIntegrity, strictHostIntegrity, offlineIsNonCompliant);
    }

    public ComplianceThresholds withRequiredFeatures(Set<ProtectionFeature> f) {
        return new ComplianceThresholds(maxHeartbeatAge, f, checkHostIntegrity, strictHostIntegrity, offlineIsNonCompliant);
    }

    public ComplianceThresholds withHostIntegrity(boolean check, boolean strict) {
        return new ComplianceThresholds(maxHeartbeatAge, requiredFeatures, check, strict, offlineIsNonCompliant);
    }

    public ComplianceThresholds withOfflineIsNonCompliant(boolean b) {
        return new ComplianceThresholds(maxHeartbeatAge, requiredFeatures, checkHostIntegrity, strictHostIntegrity, b);
    }
}
