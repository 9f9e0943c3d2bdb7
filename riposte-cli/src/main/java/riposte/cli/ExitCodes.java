package riposte.cli;

/**
 * The exit codes scripts can rely on, documented in {@code docs/cli.md}. They are mapped from exception types in
 * one place, {@link Failures}.
 */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** An unexpected failure (a bug, or a local I/O problem such as an unwritable output file). */
    public static final int FAILURE = 1;
    /** Invalid usage or input: unknown option, malformed indicator, unsupported indicator type, bad configuration. */
    public static final int USAGE = 2;
    /** The service refused the credentials (or none were configured). */
    public static final int AUTHENTICATION = 3;
    /** The service failed after retries; partial results of a bulk run were still written. */
    public static final int UPSTREAM = 4;
    /** A followed playbook run stopped to wait for a person's approval ({@code riposte playbook run|status --follow}). */
    public static final int WAITING = 5;

    private ExitCodes() {}
}
