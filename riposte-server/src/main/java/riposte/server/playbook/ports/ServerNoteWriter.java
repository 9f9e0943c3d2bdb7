package riposte.server.playbook.ports;

import org.springframework.stereotype.Component;
import riposte.core.playbook.NoteWriter;
import riposte.core.playbook.ObjectRef;
import riposte.server.note.Notes;

/** Notes on the object's incident (an incident, or the incident of an artifact or row). */
@Component
class ServerNoteWriter implements NoteWriter {
    private final Subjects subjects;
    private final Notes notes;

    ServerNoteWriter(Subjects subjects, Notes notes) {
        this.subjects = subjects;
        this.notes = notes;
    }

    @Override
    public void addNote(ObjectRef object, String text, String author) {
        Subjects.guarded(() -> notes.add(author == null || author.isBlank() ? Subjects.ACTOR : author,
                subjects.incidentOf(object, "notes"), text));
    }
}
