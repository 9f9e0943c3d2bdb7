package riposte.server.datatable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import riposte.server.audit.AuditLog;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.InvalidFieldException.FieldProblem;
import riposte.server.system.NotFoundException;
import riposte.server.system.Sql;
import riposte.server.system.VersionConflictException;

/**
 * Definition use cases (admin). A definition that has rows may gain columns, labels and select options, but may not
 * lose a column or change a column's type, so stored rows stay valid.
 */
@Service
public class DefinitionService {
    static final String KIND = "data-table";
    private final DefinitionRepository definitions;
    private final AuditLog audit;
    private final Clock clock;

    DefinitionService(DefinitionRepository definitions, AuditLog audit, Clock clock) {
        this.definitions = definitions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DefinitionView> list() {
        return definitions.all();
    }

    /** By numeric id or by name ({@code sep_endpoint_details}); one query, so no transaction of its own. */
    public DefinitionView get(String table) {
        var found = table.chars().allMatch(Character::isDigit) && !table.isEmpty() && table.length() < 19
                ? definitions.get(Long.parseLong(table)) : definitions.byName(table);
        return found.orElseThrow(() -> new NotFoundException("data table", table));
    }

    @Transactional
    DefinitionView create(String actor, DefinitionWrite w) {
        var problems = new ArrayList<FieldProblem>();
        if (w.name() == null) problems.add(new FieldProblem("name", "is required: 1 to 100 of a-z, 0-9 and _"));
        if (w.displayName() == null || w.displayName().isBlank()) problems.add(new FieldProblem("displayName", "is required"));
        if (w.columns() == null) problems.add(new FieldProblem("columns", "is required: a list of {name, label, type}"));
        else problems.addAll(columnProblems(w.columns()));
        if (w.name() != null && definitions.byName(w.name()).isPresent()) {
            problems.add(new FieldProblem("name", "a data table named '" + w.name() + "' already exists"));
        }
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        Instant now = Sql.now(clock);
        var draft = new DefinitionView(0, w.name(), w.displayName().strip(), w.description(), group(w.group()),
                normalise(w.columns()), false, now, now, 0);
        DefinitionView created = definitions.get(definitions.insert(draft)).orElseThrow();
        audit.record(actor, "create", KIND, created.id(), null, created);
        return created;
    }

    @Transactional
    DefinitionView update(String actor, String table, DefinitionWrite w) {
        DefinitionView before = get(table);
        if (w.version() == null) throw new InvalidFieldException("version", "is required: the version you last read");
        if (w.name() != null && !w.name().equals(before.name())) {
            throw new InvalidFieldException("name", "cannot be changed (rows and playbooks refer to it)");
        }
        if (before.version() != w.version()) throw new VersionConflictException(KIND, before.id(), w.version());
        List<Column> columns = before.columns();
        if (w.columns() != null) {
            var problems = new ArrayList<>(columnProblems(w.columns()));
            if (problems.isEmpty() && definitions.rowCount(before.id()) > 0) {
                for (Column old : before.columns()) {
                    int i = indexOf(w.columns(), old.name());
                    if (i < 0) {
                        problems.add(new FieldProblem("columns", "column '" + old.name()
                                + "' cannot be removed: the table has rows"));
                    } else if (ColumnType.parse(w.columns().get(i).type()).orElseThrow() != old.columnType()) {
                        problems.add(new FieldProblem("columns[" + i + "].type", "cannot change from " + old.type()
                                + ": the table has rows"));
                    }
                }
            }
            if (!problems.isEmpty()) throw new InvalidFieldException(problems);
            columns = normalise(w.columns());
        }
        var changed = new DefinitionView(before.id(), before.name(),
                w.displayName() == null ? before.displayName() : w.displayName().strip(),
                w.description() == null ? before.description() : w.description(),
                w.group() == null ? before.group() : group(w.group()), columns, before.builtIn(),
                before.createdAt(), Sql.now(clock), before.version());
        if (!definitions.update(changed, w.version())) throw new VersionConflictException(KIND, before.id(), w.version());
        DefinitionView after = definitions.get(before.id()).orElseThrow();
        audit.record(actor, "update", KIND, before.id(), before, after);
        return after;
    }

    /** Blank means no group. */
    private static String group(String group) {
        return group == null || group.isBlank() ? null : group.strip();
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) if (name.equals(columns.get(i).name())) return i;
        return -1;
    }

    static List<FieldProblem> columnProblems(List<Column> columns) {
        var problems = new ArrayList<FieldProblem>();
        var names = new HashSet<String>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String at = "columns[" + i + "]";
            if (c == null) {
                problems.add(new FieldProblem(at, "must be an object {name, label, type}"));
                continue;
            }
            if (c.name() == null || !c.name().matches("[a-z][a-z0-9_]{0,63}")) {
                problems.add(new FieldProblem(at + ".name", "must be 1 to 64 of a-z, 0-9 and _, starting with a letter"));
            } else if (!names.add(c.name())) {
                problems.add(new FieldProblem(at + ".name", "'" + c.name() + "' is used by another column"));
            }
            if (c.label() != null && c.label().length() > 200) problems.add(new FieldProblem(at + ".label", "must be at most 200 characters"));
            var type = ColumnType.parse(c.type());
            if (type.isEmpty()) {
                problems.add(new FieldProblem(at + ".type", "'" + c.type() + "' is not accepted: expected one of "
                        + ColumnType.accepted()));
            } else if (type.get() == ColumnType.SELECT) {
                if (c.options() == null || c.options().isEmpty() || c.options().size() > 200
                        || c.options().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 200)
                        || new HashSet<>(c.options()).size() != c.options().size()) {
                    problems.add(new FieldProblem(at + ".options", "a select column needs 1 to 200 distinct, "
                            + "non-blank options of at most 200 characters"));
                }
            } else if (c.options() != null && !c.options().isEmpty()) {
                problems.add(new FieldProblem(at + ".options", "only select columns have options"));
            }
        }
        return problems;
    }

    private static List<Column> normalise(List<Column> columns) {
        return columns.stream().map(c -> {
            ColumnType type = ColumnType.parse(c.type()).orElseThrow();
            String label = c.label() == null || c.label().isBlank() ? c.name() : c.label().strip();
            return new Column(c.name(), label, type.id(), type == ColumnType.SELECT ? List.copyOf(c.options()) : null);
        }).toList();
    }
}
