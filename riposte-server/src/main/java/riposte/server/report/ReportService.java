package riposte.server.report;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.attachment.ContentStore;
import riposte.server.audit.AuditLog;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.NotFoundException;
import riposte.server.system.PageQuery;
import riposte.server.system.PageResponse;
import riposte.server.system.Sql;

/**
 * Report use cases. The audit records the metadata (title, associations), not the bodies. A report does not change
 * once created, so its PDF is rendered once, on the first request for it, and stored as content (see
 * {@link ContentStore}); later requests read the stored file.
 */
@Service
public class ReportService {
    static final String KIND = "report";
    static final int MAX_BODY_CHARS = 5_000_000;
    private final ReportRepository reports;
    private final AuditLog audit;
    private final Clock clock;
    private final PdfRenderer renderer;
    private final ContentStore content;

    ReportService(ReportRepository reports, AuditLog audit, Clock clock, PdfRenderer renderer, ContentStore content) {
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
        this.renderer = renderer;
        this.content = content;
    }

    @Transactional(readOnly = true)
    public PageResponse<ReportView> list(Long indicatorId, Long incidentId, PageQuery page) {
        return PageResponse.of(reports.find(indicatorId, incidentId, page), page, reports.count(indicatorId, incidentId));
    }

    @Transactional(readOnly = true)
    public ReportView get(long id) {
        return reports.get(id).orElseThrow(() -> new NotFoundException(KIND, id));
    }

    /** The stored HTML or JSON body ({@code html_body} / {@code json_body}); a 404 when the report has none. */
    @Transactional(readOnly = true)
    public String body(long id, String format) {
        get(id);
        return reports.body(id, format.equals("html") ? "html_body" : "json_body")
                .orElseThrow(() -> new NotFoundException("the " + format + " body of report", id));
    }

    /**
     * The report as PDF: the stored file when it was rendered before, else rendered from the HTML body now (outside
     * any transaction: rendering takes a while) and stored. Two first requests at once may both render; the last
     * stored wins and the other copy is left to the blob sweep. A 404 when the report has no HTML body.
     */
    Resource pdf(long id) {
        Optional<Path> stored = reports.pdf(id).flatMap(content::path);
        if (stored.isPresent()) return new FileSystemResource(stored.get());
        byte[] bytes = renderer.render(body(id, "html"));
        content.store(new ByteArrayInputStream(bytes), pdf -> {
            reports.setPdf(id, pdf.sha256());
            return pdf;
        });
        return new ByteArrayResource(bytes);
    }

    @Transactional
    ReportView create(String actor, ReportCreate r) {
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        boolean hasJson = r.json() != null && !r.json().isNull() && !r.json().isMissingNode();
        if ((r.html() == null || r.html().isBlank()) && !hasJson) {
            problems.add(new InvalidFieldException.FieldProblem("html", "html or json (or both) is required"));
        }
        String json = hasJson ? r.json().toString() : null;
        if (json != null && json.length() > MAX_BODY_CHARS) {
            problems.add(new InvalidFieldException.FieldProblem("json", "must be at most " + MAX_BODY_CHARS
                    + " characters when serialised"));
        }
        missing(problems, "indicatorIds", "indicators", r.indicatorIds());
        missing(problems, "incidentIds", "incidents", r.incidentIds());
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        Instant generatedAt = r.generatedAt() == null ? Sql.now(clock) : r.generatedAt();
        ReportView created = get(reports.insert(r, generatedAt, json, actor));
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    private void missing(List<InvalidFieldException.FieldProblem> problems, String field, String table, List<Long> ids) {
        if (ids == null) return;
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) problems.add(new InvalidFieldException.FieldProblem(field + "[" + i + "]", "must not be null"));
        }
        List<Long> given = ids.stream().filter(java.util.Objects::nonNull).toList();
        for (Long id : reports.missing(table, given)) {
            problems.add(new InvalidFieldException.FieldProblem(field + "[" + ids.indexOf(id) + "]",
                    "there is no " + table.substring(0, table.length() - 1) + " " + id));
        }
    }
}
