package riposte.server.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A task as the API returns it; {@code status} is OPEN, DONE or CANCELLED. */
record TaskView(long id, long incidentId, String title, String instructions, String owner, Status status,
        Instant dueAt, Instant createdAt, Instant updatedAt, Instant completedAt, long version) {

    enum Status { OPEN, DONE, CANCELLED }

    /** A new task, OPEN unless {@code status} says otherwise. */
    record Create(@NotBlank @Size(max = 500) String title, @Size(max = 100_000) String instructions,
            @Size(max = 100) String owner, String status, Instant dueAt) {}

    /** A partial update; absent fields keep their value. */
    record Update(@Size(min = 1, max = 500) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Size(max = 100_000) String instructions, @Size(max = 100) String owner, String status, Instant dueAt,
            @NotNull Long version) {}
}
