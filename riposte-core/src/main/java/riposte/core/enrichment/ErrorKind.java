package riposte.core.enrichment;

/** Why a section could not be fetched; the CLI maps these to exit codes. */
public enum ErrorKind {
    /** Credentials rejected, or the client lacks the privilege (CLI exit code 3). */
    AUTHENTICATION,
    /** The source does not accept this indicator (CLI exit code 2); no request was sent. */
    INVALID_INDICATOR,
    /** The source failed, answered unexpectedly, or could not be reached, even after retries (CLI exit code 4). */
    UPSTREAM,
    /** The reply could not be understood (CLI exit code 4). */
    MALFORMED_REPLY,
    /** A bug or an unexpected exception (CLI exit code 1). */
    INTERNAL
}
