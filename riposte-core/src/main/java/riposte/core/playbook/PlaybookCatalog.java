package riposte.core.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated set of playbooks. {@link #applicable} filters them by object type and activation condition, which is
 * what the console's action menus and the API's "playbooks for this object" show.
 *
 * <pre>{@code
 * List<PlaybookDefinition> actions = playbooks.applicable(PlaybookSubject.indicator(sha256, attributes));
 * }</pre>
 */
public final class PlaybookCatalog {
    private final List<PlaybookDefinition> definitions;
    private final Expressions expressions;

    public PlaybookCatalog(List<PlaybookDefinition> definitions, Expressions expressions) {
        this.definitions = List.copyOf(definitions);
        this.expressions = expressions;
    }

    public List<PlaybookDefinition> all() {
        return definitions;
    }

    public Optional<PlaybookDefinition> find(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The playbooks whose target accepts the subject's kind (and table) and whose activation condition is true for
     * it. A condition that fails to evaluate (e.g. a missing field) counts as false, so one broken user playbook
     * cannot hide the others; use {@link #isApplicable} to see the error.
     */
    public List<PlaybookDefinition> applicable(PlaybookSubject subject) {
        List<PlaybookDefinition> out = new ArrayList<>();
        for (PlaybookDefinition d : definitions) {
            try {
                if (isApplicable(d, subject)) out.add(d);
            } catch (ExpressionException e) {
                // treated as not applicable; see Javadoc
            }
        }
        return out;
    }

    /**
     * True if {@code definition} may run on {@code subject}.
     *
     * @throws ExpressionException if the activation condition cannot be evaluated for this subject
     */
    public boolean isApplicable(PlaybookDefinition definition, PlaybookSubject subject) {
        if (!definition.target().accepts(subject.ref().kind(), subject.ref().table())) return false;
        return expressions.condition(definition.target().condition())
                .test(Map.of(subject.ref().kind().variable(), subject.data()));
    }
}
