package riposte.server.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A new report; at least one of {@code html} and {@code json}. {@code generatedAt} defaults to now. */
record ReportCreate(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 100) String kind,
        Instant generatedAt,
        @Size(max = ReportService.MAX_BODY_CHARS, message = "must be at most " + ReportService.MAX_BODY_CHARS
                + " characters") String html,
        JsonNode json,
        @Size(max = 1000) List<Long> indicatorIds,
        @Size(max = 1000) List<Long> incidentIds) {}
