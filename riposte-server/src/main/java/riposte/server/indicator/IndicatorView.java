package riposte.server.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import riposte.core.enrichment.Verdict;

/** An indicator as the API returns it; {@code type} is an indicator type id such as {@code sha256}. */
public record IndicatorView(long id, String type, String value, Verdict verdict, int confidence, List<String> tags,
        Instant createdAt, Instant updatedAt, long version) {

    IndicatorView withTags(List<String> newTags) {
        return new IndicatorView(id, type, value, verdict, confidence, newTags, createdAt, updatedAt, version);
    }

    /**
     * Create-or-get: if the indicator exists its tags gain the given ones and everything else is left alone.
     * {@code verdict} is UNKNOWN (default), BENIGN, SUSPICIOUS or MALICIOUS; {@code confidence} 0 to 100.
     */
    public record Create(String type, @NotBlank @Size(max = 8192) String value, List<@NotBlank @Size(max = 100) String> tags,
            String verdict, @Min(0) @Max(100) Integer confidence) {}

    /** A partial update; {@code tags}, when given, replaces the whole set. */
    public record Update(List<@NotBlank @Size(max = 100) String> tags, String verdict, @Min(0) @Max(100) Integer confidence,
            @NotNull Long version) {}
}
