package riposte.symantec.sepm;

/** Why an endpoint is non-compliant. */
public enum ComplianceIssue {
    /** {@code onlineStatus} is 0. */
    OFFLINE,
    /** {@code quarantineDesc} reports a failed Host Integrity check. */
    HOST_INTEGRITY_FAILED,
    /** No status update within the configured heartbeat age ({@code lastUpdateTime}), or never. */
    OUT_OF_DATE,
    /** A required protection feature is off (flag 0). */
    PROTECTION_DISABLED,
    /** A required protection feature is malfunctioning (flag 4). */
    PROTECTION_MALFUNCTIONING
}
