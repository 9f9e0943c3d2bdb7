package riposte.server.indicator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.Sql;
import tools.jackson.databind.JsonNode;

/**
 * Attribute definitions as one JSON file, the idea of the seed's {@code Symantec_ThreatIntel_Attributes.json}: export
 * every definition; import a file, creating the new ones and updating the type or description of existing ones (by
 * name, ignoring case). Import is idempotent and all-or-nothing: a file with any bad entry changes nothing.
 */
@Service
public class AttributeDefinitionTransfer {
    static final String FORMAT = "riposte-attribute-definitions";
    static final List<String> TYPES = List.of("text", "number", "datetime", "json");
    private static final int MAX_DEFINITIONS = 1000;
    private final AttributeRepository attributes;
    private final AuditLog audit;
    private final Clock clock;

    AttributeDefinitionTransfer(AttributeRepository attributes, AuditLog audit, Clock clock) {
        this.attributes = attributes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The export file. */
    record ExportFile(String format, int version, List<Entry> attributeDefinitions) {}

    /** One definition in the file. */
    record Entry(String name, String type, String description) {}

    /** What an import did, by definition name. */
    public record ImportResult(List<String> created, List<String> updated, List<String> unchanged) {}

    @Transactional(readOnly = true)
    ExportFile export() {
        return new ExportFile(FORMAT, 1, attributes.definitions().stream()
                .map(d -> new Entry(d.name(), d.type(), d.description())).toList());
    }

    /** Accepts the export object ({@code attributeDefinitions}) or a bare array of entries. */
    @Transactional
    public ImportResult importFile(String actor, JsonNode file) {
        List<Entry> entries = parse(file);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Entry e : entries) {
            var existing = attributes.definition(e.name());
            if (existing.isEmpty()) {
                long id = attributes.insertDefinition(e.name(), e.type(), e.description(), Sql.now(clock));
                audit.record(actor, "create", "attribute-definition", id, null, e);
                created.add(e.name());
                continue;
            }
            var before = existing.get();
            String description = e.description() == null ? before.description() : e.description();
            if (before.type().equals(e.type()) && Objects.equals(before.description(), description)) {
                unchanged.add(before.name());
                continue;
            }
            attributes.updateDefinition(before.id(), e.type(), description);
            audit.record(actor, "update", "attribute-definition", before.id(), before,
                    new Entry(before.name(), e.type(), description));
            updated.add(before.name());
        }
        return new ImportResult(created, updated, unchanged);
    }

    private static List<Entry> parse(JsonNode file) {
        String prefix = "attributeDefinitions";
        JsonNode list = file;
        if (file != null && file.isObject()) {
            JsonNode format = file.get("format");
            if (format != null && !format.isNull() && !(format.isString() && FORMAT.equals(format.asString()))) {
                throw new InvalidFieldException("format", "must be '" + FORMAT + "' (or absent)");
            }
            list = file.get(prefix);
        } else {
            prefix = "";
        }
        if (list == null || !list.isArray()) {
            throw new InvalidFieldException("attributeDefinitions", "is required: a list of {name, type, description}");
        }
        if (list.size() > MAX_DEFINITIONS) {
            throw new InvalidFieldException(prefix, "at most " + MAX_DEFINITIONS + " definitions per file");
        }
        List<InvalidFieldException.FieldProblem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = prefix + "[" + i + "]";
            if (n == null || !n.isObject()) {
                problems.add(new InvalidFieldException.FieldProblem(at, "must be an object {name, type, description}"));
                continue;
            }
            String name = text(n, at, "name");
            String type = text(n, at, "type");
            String description = text(n, at, "description");
            if (name == null || name.isBlank() || name.strip().length() > 200) {
                problems.add(new InvalidFieldException.FieldProblem(at + ".name", "is required, at most 200 characters"));
            } else if (!seen.add(name.strip().toLowerCase(Locale.ROOT))) {
                problems.add(new InvalidFieldException.FieldProblem(at + ".name", "'" + name.strip()
                        + "' appears twice in the file"));
            }
            String normalisedType = type == null || type.isBlank() ? "text" : type.strip().toLowerCase(Locale.ROOT);
            if (!TYPES.contains(normalisedType)) {
                problems.add(new InvalidFieldException.FieldProblem(at + ".type", "must be one of "
                        + String.join(", ", TYPES)));
            }
            if (description != null && description.length() > 2000) {
                problems.add(new InvalidFieldException.FieldProblem(at + ".description", "at most 2000 characters"));
            }
            if (name != null) entries.add(new Entry(name.strip(), normalisedType, description));
        }
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        return entries;
    }

    private static String text(JsonNode n, String at, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        // a list or object here failed in asString() as a 500 (found by riposte-bench's FuzzBenchmark)
        if (v.isContainer()) {
            throw new InvalidFieldException(at + "." + field, "must be a string, not " + (v.isArray() ? "a list" : "an object"));
        }
        return v.asString();
    }
}
