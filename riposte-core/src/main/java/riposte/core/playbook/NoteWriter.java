package riposte.core.playbook;

/** Port: adds a note to an object (an incident, or the incident of an artifact or row). */
public interface NoteWriter {
    void addNote(ObjectRef object, String text, String author);
}
