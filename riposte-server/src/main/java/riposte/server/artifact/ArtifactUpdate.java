package riposte.server.artifact;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A partial update of an artifact's annotations (its value is fixed); {@code version} as last read. */
record ArtifactUpdate(
        @Size(max = 4000) String description,
        @Size(max = 200) String source,
        Boolean allowListed,
        @Size(max = 1000) String allowListReason,
        @NotNull Long version) {}
