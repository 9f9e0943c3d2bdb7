package riposte.server.artifact;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import riposte.core.indicator.Indicator;
import riposte.core.indicator.IndicatorParser;
import riposte.core.indicator.InvalidIndicatorException;

/** Artifacts for other server features (playbook ports): look one up by id, add one unless already there. */
@Component
public class Artifacts {
    private final ArtifactRepository artifacts;
    private final ArtifactService service;

    Artifacts(ArtifactRepository artifacts, ArtifactService service) {
        this.artifacts = artifacts;
        this.service = service;
    }

    /** An artifact's identity: its id, its incident, type id and normalised value. */
    public record Ref(long id, long incidentId, String type, String value) {}

    @Transactional(readOnly = true)
    public Optional<Ref> find(long id) {
        return artifacts.get(id).map(a -> new Ref(a.id(), a.incidentId(), a.type(), a.value()));
    }

    /**
     * Adds {@code value} as an artifact of the incident unless the incident already has it; returns true if added.
     *
     * @throws riposte.server.system.InvalidFieldException when the value is not an indicator
     */
    @Transactional
    public boolean addIfAbsent(String actor, long incidentId, String value, String source) {
        Indicator indicator;
        try {
            indicator = IndicatorParser.parse(value);
        } catch (InvalidIndicatorException e) {
            throw new riposte.server.system.InvalidFieldException("value", e.getMessage());
        }
        if (artifacts.exists(incidentId, indicator.type().id(), indicator.value())) return false;
        service.create(actor, incidentId, new ArtifactCreate(indicator.type().id(), indicator.value(), null, source,
                null, null));
        return true;
    }
}
