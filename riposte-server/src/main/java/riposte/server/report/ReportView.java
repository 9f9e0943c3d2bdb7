package riposte.server.report;

import java.time.Instant;
import java.util.List;

/** A report's metadata; the bodies are at {@code /html}, {@code /json} and {@code /pdf}. */
public record ReportView(long id, String title, String kind, Instant generatedAt, String createdBy, boolean hasHtml,
        boolean hasJson, List<Long> indicatorIds, List<Long> incidentIds) {}
