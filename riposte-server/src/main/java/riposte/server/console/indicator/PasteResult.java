package riposte.server.console.indicator;

import java.util.List;
import riposte.server.indicator.IndicatorView;

/**
 * What adding pasted text did: the indicators added or found (one per valid line) and one problem per line that is
 * not an indicator, naming the line number so the analyst can fix it.
 */
public record PasteResult(List<Added> added, List<LineProblem> problems) {

    /** An indicator from a valid line; {@code created} is false when it already existed. */
    public record Added(int line, IndicatorView indicator, boolean created) {}

    /** Line {@code line} (from 1) with its text, and why it is not an indicator. */
    public record LineProblem(int line, String text, String message) {}

    public long createdCount() {
        return added.stream().filter(Added::created).count();
    }
}
