package riposte.server.playbook.ports;

import org.springframework.stereotype.Component;
import riposte.core.playbook.AttributeWriter;
import riposte.core.playbook.ObjectRef;
import riposte.server.indicator.Indicators;

/**
 * Attributes on an indicator (or on the indicator of an artifact): a value replaces the previous value of the same
 * name and source and records when it was last updated; a definition is created on first use.
 */
@Component
class ServerAttributeWriter implements AttributeWriter {
    private final Subjects subjects;
    private final Indicators indicators;

    ServerAttributeWriter(Subjects subjects, Indicators indicators) {
        this.subjects = subjects;
        this.indicators = indicators;
    }

    @Override
    public void write(ObjectRef object, Attribute attribute) {
        Subjects.guarded(() -> {
            long indicator = subjects.indicatorOf(object, "attributes");
            indicators.writeAttribute(Subjects.ACTOR, indicator, attribute.name(), attribute.value(),
                    attribute.source(), attribute.updatedAt());
            return null;
        });
    }
}
