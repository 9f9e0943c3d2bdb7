package riposte.core.enrichment;

import java.util.Optional;
import java.util.Set;
import riposte.core.indicator.Indicator;

/**
 * A port: a threat-intel service that can tell something about indicators, section by section.
 * Implementations must be thread-safe; {@link #fetch} may block (callers use virtual threads).
 */
public interface ThreatIntelSource {

    /** A stable id used in cache keys and provenance, e.g. {@code ses:https://api.sep.securitycloud.symantec.com}. */
    String id();

    /** The sections this source can ever give. */
    Set<Section> sections();

    /**
     * Why {@code section} cannot be fetched for {@code indicator} (e.g. "the file endpoints take SHA-256 only;
     * MD5 is not accepted"), or empty if it can.
     */
    Optional<String> whyNotApplicable(Section section, Indicator indicator);

    /**
     * Fetches one section for one indicator.
     *
     * @throws RuntimeException on failure; exceptions implementing {@link ClassifiedException} say what kind
     */
    SectionResult fetch(Section section, Indicator indicator);
}
