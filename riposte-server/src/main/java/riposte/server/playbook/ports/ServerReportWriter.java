package riposte.server.playbook.ports;

import java.util.List;
import org.springframework.stereotype.Component;
import riposte.core.playbook.ObjectRef;
import riposte.core.playbook.ReportWriter;
import riposte.server.report.Reports;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports from playbooks, stored with an escaped HTML body (PDF is rendered from it on download) and a JSON body,
 * associated with the object: an indicator; an artifact's indicator and incident; an incident; a row's incident.
 */
@Component
class ServerReportWriter implements ReportWriter {
    static final String KIND = "playbook";
    private final Subjects subjects;
    private final Reports reports;
    private final JsonMapper json;

    ServerReportWriter(Subjects subjects, Reports reports, JsonMapper json) {
        this.subjects = subjects;
        this.reports = reports;
        this.json = json;
    }

    @Override
    public String create(ObjectRef object, Report report) {
        return Subjects.guarded(() -> {
            List<Long> indicatorIds = switch (object.kind()) {
                case INDICATOR, ARTIFACT -> List.of(subjects.indicatorOf(object, "reports"));
                case INCIDENT, ROW -> List.of();
            };
            List<Long> incidentIds = switch (object.kind()) {
                case INDICATOR -> List.of();
                case ARTIFACT, INCIDENT, ROW -> List.of(subjects.incidentOf(object, "reports"));
            };
            long id = reports.create(Subjects.ACTOR, report.title(), KIND, report.createdAt(),
                    ReportDocument.html(report), ReportDocument.json(report, json), indicatorIds, incidentIds);
            return String.valueOf(id);
        });
    }
}
