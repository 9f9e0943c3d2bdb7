package riposte.server.indicator;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** An attribute value of an indicator, e.g. "Symantec ThreatIntel Reputation" = "MALICIOUS" from "ses". */
public record AttributeView(long indicatorId, long definitionId, String name, String type, String value, String source,
        Instant createdAt, Instant updatedAt, long version) {

    /** Sets the value of the attribute {@code name} (a definition name) for the indicator, replacing any earlier one. */
    record Upsert(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100_000) String value,
            @NotBlank @Size(max = 200) String source) {}

    /** An attribute definition: the name, the value type (text, number, datetime...) and what it means. */
    public record Definition(long id, String name, String type, String description) {}
}
