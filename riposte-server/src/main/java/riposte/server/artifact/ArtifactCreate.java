package riposte.server.artifact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new artifact. {@code value} may be defanged ({@code hxxp://evil[.]example}); it is stored normalised.
 * {@code type} is optional: when given, the value must be of that type. When {@code allowListed} is left out, the
 * allow-list decides: an artifact it matches is flagged with the entry's reason.
 */
public record ArtifactCreate(
        String type,
        @NotBlank @Size(max = 8192) String value,
        @Size(max = 4000) String description,
        @Size(max = 200) String source,
        Boolean allowListed,
        @Size(max = 1000) String allowListReason) {}
