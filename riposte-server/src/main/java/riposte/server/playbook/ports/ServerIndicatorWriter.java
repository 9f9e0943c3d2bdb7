package riposte.server.playbook.ports;

import java.util.List;
import org.springframework.stereotype.Component;
import riposte.core.playbook.IndicatorWriter;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.Step;
import riposte.server.artifact.Artifacts;
import riposte.server.indicator.Indicators;

/**
 * New indicators from a playbook, never enriched here: {@code associated} links them to the object's indicator (an
 * indicator, or an artifact's indicator); {@code artifact} adds them as artifacts of the object's incident. Values
 * that are not indicators are skipped.
 */
@Component
class ServerIndicatorWriter implements IndicatorWriter {
    private static final String SOURCE = "playbook";
    private final Subjects subjects;
    private final Indicators indicators;
    private final Artifacts artifacts;

    ServerIndicatorWriter(Subjects subjects, Indicators indicators, Artifacts artifacts) {
        this.subjects = subjects;
        this.indicators = indicators;
        this.artifacts = artifacts;
    }

    @Override
    public int add(ObjectRef object, List<String> values, Step.AddIndicators.Association as) {
        return Subjects.guarded(() -> switch (as) {
            case ASSOCIATED -> indicators.associate(Subjects.ACTOR, subjects.indicatorOf(object, "associations"),
                    values);
            case ARTIFACT -> {
                long incident = subjects.incidentOf(object, "artifacts");
                int added = 0;
                for (String value : values) {
                    try {
                        if (artifacts.addIfAbsent(Subjects.ACTOR, incident, value, SOURCE)) added++;
                    } catch (riposte.server.system.InvalidFieldException notAnIndicator) {
                        // skipped, as documented: one bad value must not lose the others
                    }
                }
                yield added;
            }
        });
    }
}
