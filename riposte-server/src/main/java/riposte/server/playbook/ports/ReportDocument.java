package riposte.server.playbook.ports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import riposte.core.playbook.ReportWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A playbook report as the seed shows it — the title, a "Description" block of labelled lines, the source — in HTML
 * and JSON. Threat data is attacker-controlled: every value is HTML-escaped (Spring's {@link HtmlUtils}), and the
 * HTML is self-contained (inline CSS, no script, no external resource) so that it renders the same as PDF.
 */
final class ReportDocument {
    private static final String CSS = """
            body { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; color: #222; margin: 24px; }
            h1 { font-size: 16pt; margin: 0 0 12px 0; }
            h2 { font-size: 12pt; margin: 18px 0 6px 0; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            th { text-align: left; vertical-align: top; width: 32%; padding: 3px 8px 3px 0; font-weight: bold; }
            td { vertical-align: top; padding: 3px 0; word-wrap: break-word; overflow-wrap: anywhere; }
            pre { white-space: pre-wrap; word-wrap: break-word; font-size: 8pt; background: #f6f6f6; padding: 6px; }
            """;

    private ReportDocument() {}

    static String html(ReportWriter.Report report) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>").append(esc(report.title()))
                .append("</title><style>").append(CSS).append("</style></head><body>\n<h1>")
                .append(esc(report.title())).append("</h1>\n<h2>Description</h2>\n<table>\n");
        for (ReportWriter.Field f : report.fields()) {
            h.append("<tr><th>").append(esc(f.label())).append(":</th><td>").append(esc(f.value()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Source</h2>\n<p>").append(esc(report.source())).append("</p>\n");
        if (report.raw() != null && !report.raw().isBlank()) {
            h.append("<h2>Raw JSON</h2>\n<pre>").append(esc(report.raw())).append("</pre>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    /** {@code {title, source, generatedAt, fields: {label: value}, data: <the raw JSON, parsed when it parses>}}. */
    static String json(ReportWriter.Report report, JsonMapper json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        report.fields().forEach(f -> fields.put(f.label(), f.value()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", report.title());
        body.put("source", report.source());
        body.put("generatedAt", report.createdAt() == null ? null : report.createdAt().toString());
        body.put("fields", fields);
        if (report.raw() != null && !report.raw().isBlank()) body.put("data", parsed(report.raw(), json));
        return json.writeValueAsString(body);
    }

    private static Object parsed(String raw, JsonMapper json) {
        try {
            JsonNode node = json.readTree(raw);
            return node == null || node.isMissingNode() ? raw : node;
        } catch (JacksonException notJson) {
            return raw;
        }
    }

    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
