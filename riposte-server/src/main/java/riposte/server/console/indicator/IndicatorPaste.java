package riposte.server.console.indicator;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;
import riposte.server.indicator.IndicatorService;
import riposte.server.indicator.IndicatorView;
import riposte.server.system.InvalidFieldException;

/**
 * Adds indicators from pasted text: one indicator per line (blank lines and lines starting with {@code #} are skipped),
 * each parsed by the one {@link IndicatorParser}; valid lines are added (or found, when they exist), the others come
 * back as per-line problems. One line per indicator, not splitting on spaces, because file paths may contain them.
 */
@Component
class IndicatorPaste {
    static final int MAX_LINES = 1000;
    private final IndicatorService indicators;

    IndicatorPaste(IndicatorService indicators) {
        this.indicators = indicators;
    }

    PasteResult add(String actor, String text, List<String> tags) {
        List<PasteResult.Added> added = new ArrayList<>();
        List<PasteResult.LineProblem> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        if (lines.length > MAX_LINES) {
            problems.add(new PasteResult.LineProblem(MAX_LINES + 1, "",
                    "at most " + MAX_LINES + " lines at a time; nothing after line " + MAX_LINES + " was read"));
        }
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                IndicatorParser.parse(line);
                var outcome = indicators.createOrGet(actor, new IndicatorView.Create(null, line, tags, null, null));
                added.add(new PasteResult.Added(i + 1, outcome.indicator(), outcome.created()));
            } catch (InvalidIndicatorException e) {
                problems.add(new PasteResult.LineProblem(i + 1, line, e.getMessage()));
            } catch (InvalidFieldException e) {
                problems.add(new PasteResult.LineProblem(i + 1, line, e.problems().getFirst().message()));
            }
        }
        return new PasteResult(added, problems);
    }
}
