package riposte.server.incident;

import org.springframework.stereotype.Component;
import riposte.server.system.NotFoundException;

/** For features that hang off an incident (artifacts, notes, tasks): checks that the incident exists. */
@Component
public class IncidentRefs {
    private final IncidentRepository incidents;

    IncidentRefs(IncidentRepository incidents) {
        this.incidents = incidents;
    }

    /** Throws a 404 {@link NotFoundException} when there is no incident {@code id}. */
    public void requireExists(long id) {
        if (!incidents.exists(id)) throw new NotFoundException("incident", id);
    }
}
