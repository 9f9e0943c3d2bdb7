package riposte.cli.playbook;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --follow} and {@code --interval}, shared by {@code run} and {@code status} (a picocli mixin). */
final class FollowOptions {
    @Option(names = "--follow", description = "Poll until the run ends (or waits for an approval); exit 0 if it "
            + "completed, 4 if it failed, timed out or was cancelled, 5 if it waits for an approval.")
    boolean follow;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "How often --follow asks (ISO-8601, default PT1S).")
    Duration interval;
}
