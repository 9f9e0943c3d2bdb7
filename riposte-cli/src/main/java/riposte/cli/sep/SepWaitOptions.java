package riposte.cli.sep;

import java.time.Duration;
import picocli.CommandLine.Option;
import riposte.cli.CliException;
import riposte.cli.ExitCodes;

/** {@code --wait [--timeout S]} of asynchronous commands. */
final class SepWaitOptions {
    /** fn_sep's {@code sep_scan_timeout}. */
    static final long DEFAULT_TIMEOUT_SECONDS = 1800;

    @Option(names = "--wait", description = "Poll until every endpoint finished (or --timeout), then print the per-endpoint states and all results.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "1800",
            description = "With --wait: seconds endpoints get before the command counts as timed out (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    void validate() {
        if (timeoutSeconds < 1) throw new CliException(ExitCodes.USAGE, "--timeout must be at least 1 second, was " + timeoutSeconds);
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
