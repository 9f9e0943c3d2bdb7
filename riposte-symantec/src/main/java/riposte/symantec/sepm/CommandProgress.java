package riposte.symantec.sepm;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The overall progress of a command over <em>all</em> its endpoint rows (fn_sep 1.2 took the state of the first
 * row only, and its upload status read only the first row's file id).
 *
 * <p>{@link Overall#WAITING} while SEPM has no rows yet; {@link Overall#IN_PROGRESS} while any endpoint is not
 * terminal; {@link Overall#TIMED_OUT} once {@code timeout} has passed since submission with endpoints still not
 * terminal (typically offline ones that never pick the command up); {@link Overall#COMPLETED} when every endpoint
 * completed; {@link Overall#FINISHED_WITH_FAILURES} when all are terminal but some rejected, cancelled or failed.
 */
public record CommandProgress(Overall overall, int endpoints, Map<CommandState, Integer> byState,
                              List<CommandStatus> pending) {
    public CommandProgress {
        byState = Map.copyOf(byState);
        pending = List.copyOf(pending);
    }

    /** The overall state of a command. */
    public enum Overall {
        WAITING, IN_PROGRESS, COMPLETED, FINISHED_WITH_FAILURES, TIMED_OUT;

        public boolean terminal() {
            return this == COMPLETED || this == FINISHED_WITH_FAILURES || this == TIMED_OUT;
        }
    }

    /**
     * @param rows        every row of the command (all pages)
     * @param submittedAt when the command was sent
     * @param timeout     how long endpoints get (fn_sep: 1800 s)
     * @param now         the current time
     */
    public static CommandProgress of(List<CommandStatus> rows, Instant submittedAt, Duration timeout, Instant now) {
        Map<CommandState, Integer> byState = new EnumMap<>(CommandState.class);
        rows.forEach(r -> byState.merge(r.state(), 1, Integer::sum));
        List<CommandStatus> pending = rows.stream().filter(r -> !r.state().terminal()).toList();
        boolean late = !now.isBefore(submittedAt.plus(timeout));
        Overall overall;
        if (rows.isEmpty()) overall = late ? Overall.TIMED_OUT : Overall.WAITING;
        else if (!pending.isEmpty()) overall = late ? Overall.TIMED_OUT : Overall.IN_PROGRESS;
        else if (byState.getOrDefault(CommandState.COMPLETED, 0) == rows.size()) overall = Overall.COMPLETED;
        else overall = Overall.FINISHED_WITH_FAILURES;
        return new CommandProgress(overall, rows.size(), byState, pending);
    }

    /** How many endpoints are in this state. */
    public int count(CommandState state) {
        return byState.getOrDefault(state, 0);
    }
}
