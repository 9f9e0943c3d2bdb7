package riposte.server.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import riposte.core.enrichment.Verdict;

/**
 * An indicator as the API returns it; {@code type} is an indicator type id such as {@code sha256}, {@code tlp} its
 * TLP 2.0 label such as {@code TLP:AMBER}.
 */
public record IndicatorView(long id, String type, String value, Verdict verdict, int confidence, List<String> tags,
        String tlp, Instant createdAt, Instant updatedAt, long version) {

    IndicatorView withTags(List<String> newTags) {
        return new IndicatorView(id, type, value, verdict, confidence, newTags, tlp, createdAt, updatedAt, version);
    }

    /** The TLP level. */
    public riposte.core.interchange.Tlp level() {
        return riposte.core.interchange.Tlp.parse(tlp).orElseThrow();
    }

    /**
     * Create-or-get: if the indicator exists its tags gain the given ones and everything else is left alone.
     * {@code verdict} is UNKNOWN (default), BENIGN, SUSPICIOUS or MALICIOUS; {@code confidence} 0 to 100; {@code tlp}
     * a TLP 2.0 level (default: the setting {@code riposte.interchange.default-tlp}). A TLP more restricted than the
     * existing indicator's raises it.
     */
    public record Create(String type, @NotBlank @Size(max = 8192) String value, List<@NotBlank @Size(max = 100) String> tags,
            String verdict, @Min(0) @Max(100) Integer confidence, String tlp) {

        /** Without a TLP (the default applies). */
        public Create(String type, String value, List<String> tags, String verdict, Integer confidence) {
            this(type, value, tags, verdict, confidence, null);
        }
    }

    /** A partial update; {@code tags}, when given, replaces the whole set. */
    public record Update(List<@NotBlank @Size(max = 100) String> tags, String verdict, @Min(0) @Max(100) Integer confidence,
            String tlp, @NotNull Long version) {}
}
