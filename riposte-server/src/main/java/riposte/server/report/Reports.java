package riposte.server.report;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reports for other server features (playbook ports): create one with its bodies and associations. */
@Component
public class Reports {
    private final ReportService service;
    private final JsonMapper json;

    Reports(ReportService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * Creates a report and returns its id.
     *
     * @param html the HTML body, already escaped by the caller
     * @param jsonBody the JSON body as text, or null
     */
    public long create(String actor, String title, String kind, Instant generatedAt, String html, String jsonBody,
            List<Long> indicatorIds, List<Long> incidentIds) {
        String shortTitle = title.length() > 500 ? title.substring(0, 497) + "..." : title;
        var create = new ReportCreate(shortTitle, kind, generatedAt, html,
                jsonBody == null ? null : json.readTree(jsonBody), indicatorIds, incidentIds);
        return service.create(actor, create).id();
    }
}
