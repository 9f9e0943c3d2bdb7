package riposte.server.note;

import org.springframework.stereotype.Component;

/** Notes for other server features (playbook ports): add a note to an incident, audited like the REST call. */
@Component
public class Notes {
    private final NoteService service;

    Notes(NoteService service) {
        this.service = service;
    }

    /** Adds a note and returns its id; a 404 {@link riposte.server.system.NotFoundException} without the incident. */
    public long add(String actor, long incidentId, String body) {
        return service.create(actor, incidentId, new NoteView.Create(body)).id();
    }
}
