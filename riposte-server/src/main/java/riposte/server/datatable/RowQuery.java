package riposte.server.datatable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import riposte.server.system.Choices;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.Sql;

/**
 * Filters ({@code filter=column:op:value}, op one of eq, contains, gte, lte; repeatable, all must hold) and a sort
 * ({@code sort=column} or {@code -column}) over a table's typed cells, as SQL with named parameters. Column names
 * and operators are checked against the definition, so no client text reaches the SQL itself. In the default (id)
 * order a page may also start {@code after} a row id (keyset paging), which reads only the page's rows.
 */
final class RowQuery {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String sortJoin = "";
    private String orderBy = " order by r.id asc";
    private boolean filtered;
    private boolean keyset;

    private RowQuery() {}

    static RowQuery of(DefinitionView table, long incidentId, List<String> filters, String sort) {
        return of(table, incidentId, filters, sort, null);
    }

    /** With {@code after} (a row id): only rows after it, in the default order; a sort with it is a 400. */
    static RowQuery of(DefinitionView table, long incidentId, List<String> filters, String sort, Long after) {
        var q = new RowQuery();
        q.clauses.add("r.incident_id = :incident");
        q.clauses.add("r.definition_id = :table");
        q.params.put("table", table.id());
        q.params.put("incident", incidentId);
        if (filters != null) for (int i = 0; i < filters.size(); i++) q.filter(table, i, filters.get(i));
        q.filtered = filters != null && !filters.isEmpty();
        if (sort != null && !sort.isBlank()) q.sort(table, sort.strip());
        if (after != null) {
            if (!q.idOrder()) {
                throw new InvalidFieldException("after", "works in the default order only (by row id): leave out sort,"
                        + " or page with page=N");
            }
            q.clauses.add("r.id > :after");
            q.params.put("after", after);
            q.keyset = true;
        }
        return q;
    }

    /**
     * The same rows from row id {@code id} on (a page boundary, see {@link PageBoundaries}); for an unfiltered query
     * in id order.
     */
    RowQuery from(long id) {
        var q = new RowQuery();
        q.clauses.addAll(clauses);
        q.params.putAll(params);
        q.sortJoin = sortJoin;
        q.orderBy = orderBy;
        q.filtered = filtered;
        q.keyset = keyset;
        q.clauses.add("r.id >= :from");
        q.params.put("from", id);
        return q;
    }

    /** Every row of the table in the incident, in id order, counted from the first: a page read by number. */
    boolean numbered() {
        return idOrder() && !filtered && !keyset;
    }

    long incidentId() {
        return (Long) params.get("incident");
    }

    long tableId() {
        return (Long) params.get("table");
    }

    /** Rows in the default order (by id), so the (incident, table, id) index gives the order. */
    boolean idOrder() {
        return sortJoin.isEmpty();
    }

    /** Some filter applies, so the kept row count is not the answer's total. */
    boolean filtered() {
        return filtered;
    }

    private void filter(DefinitionView table, int i, String filter) {
        String[] parts = filter.split(":", 3);
        String field = "filter";
        if (parts.length < 3) {
            throw new InvalidFieldException(field, "'" + Choices.shorten(filter) + "' is not accepted: expected "
                    + "column:op:value with op one of eq, contains, gte, lte");
        }
        Column column = table.column(parts[0]);
        if (column == null) {
            throw new InvalidFieldException(field, "'" + Choices.shorten(parts[0]) + "' is not a column of " + table.name()
                    + ": expected one of " + table.columnNames());
        }
        ColumnType type = column.columnType();
        String op = parts[1].toLowerCase(Locale.ROOT);
        String sqlOp = switch (op) {
            case "eq" -> "=";
            case "gte" -> ">=";
            case "lte" -> "<=";
            case "contains" -> "like";
            default -> throw new InvalidFieldException(field, "'" + Choices.shorten(op)
                    + "' is not an operator: expected one of eq, contains, gte, lte");
        };
        if (op.equals("contains") && type != ColumnType.TEXT && type != ColumnType.SELECT) {
            throw new InvalidFieldException(field, "contains works on text and select columns; " + column.name()
                    + " is " + type.id());
        }
        String alias = "f" + i;
        String cell = alias + "." + type.cellColumn();
        Object value = parse(type, parts[2], field);
        String test;
        if (op.equals("contains")) {
            test = "lower(" + cell + ") like :v" + i + " escape '\\'";
            value = "%" + parts[2].toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
        } else {
            test = cell + " " + sqlOp + " :v" + i;
        }
        clauses.add("exists (select 1 from data_table_cells " + alias + " where " + alias + ".row_id = r.id and "
                + alias + ".column_name = :c" + i + " and " + test + ")");
        params.put("c" + i, column.name());
        params.put("v" + i, value);
    }

    private static Object parse(ColumnType type, String text, String field) {
        try {
            return switch (type) {
                case NUMBER -> Cells.number(new BigDecimal(text.strip()));
                case DATETIME -> Sql.ts(Cells.instant(text));
                case BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) throw new IllegalArgumentException("true or false");
                    yield text;
                }
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "'" + Choices.shorten(text) + "' is not a number");
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "'" + Choices.shorten(text) + "': " + e.getMessage());
        }
    }

    private void sort(DefinitionView table, String sort) {
        boolean descending = sort.startsWith("-");
        String name = descending || sort.startsWith("+") ? sort.substring(1) : sort;
        Column column = table.column(name);
        if (column == null) {
            throw new InvalidFieldException("sort", "'" + Choices.shorten(sort) + "' is not accepted: expected a column of "
                    + table.name() + " (" + table.columnNames() + "), optionally prefixed with - for descending order");
        }
        sortJoin = " left join data_table_cells s on s.row_id = r.id and s.column_name = :sortColumn";
        params.put("sortColumn", column.name());
        String dir = descending ? " desc" : " asc";
        orderBy = " order by s." + column.columnType().cellColumn() + dir + " nulls last, r.id" + dir;
    }

    String from() {
        return " from data_table_rows r" + sortJoin + " where " + String.join(" and ", clauses);
    }

    /** For counting: every clause except the keyset one (a total counts the whole result, not what follows). */
    String countFrom() {
        return " from data_table_rows r where " + String.join(" and ",
                clauses.stream().filter(c -> !c.equals("r.id > :after")).toList());
    }

    String orderBy() {
        return orderBy;
    }

    Map<String, Object> params() {
        return params;
    }

}
