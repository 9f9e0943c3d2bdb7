package riposte.core.enrichment;

import java.util.List;
import riposte.core.indicator.Indicator;

/**
 * Whether Symantec technologies detect or block a file, network indicator or CVE. {@code echoKey} is the JSON key
 * the source echoed the indicator under ({@code file}, {@code network} or {@code cve}; CVE replies have been seen
 * with either {@code cve} or {@code file}).
 */
public record Protection(Indicator indicator, String echoKey, String echo, List<Detection> detections, String raw)
        implements SectionResult {

    /** One technology's detection; any field may be null. */
    public record Detection(Technology technology, String firstDefsetVersion, String threatName) {}

    public Protection {
        detections = List.copyOf(detections);
    }

    @Override
    public Section section() {
        return Section.PROTECTION;
    }

    @Override
    public boolean isEmpty() {
        return detections.isEmpty();
    }
}
