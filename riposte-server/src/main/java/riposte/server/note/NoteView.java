package riposte.server.note;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A note as the API returns it. */
public record NoteView(long id, long incidentId, String author, String body, Instant createdAt, Instant updatedAt,
        long version) {

    /** A new note; the author is the acting user. */
    public record Create(@NotBlank @Size(max = 100_000) String body) {}

    /** A new body for the note, at the version last read. */
    record Update(@NotBlank @Size(max = 100_000) String body, @NotNull Long version) {}
}
