package riposte.server.datatable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import riposte.server.system.InvalidFieldException;
import riposte.server.system.InvalidFieldException.FieldProblem;
import tools.jackson.databind.JsonNode;

/** Checks cell values against the column types and turns them into stored values. */
final class Cells {
    static final int MAX_TEXT = 1000;

    private Cells() {}

    /**
     * @param base the current values (empty for a new row); {@code given} values replace them, JSON null removes one
     * @return the row's values in column order: String, BigDecimal, Boolean or Instant
     */
    static Map<String, Object> merge(DefinitionView table, Map<String, Object> base, Map<String, JsonNode> given) {
        var problems = new ArrayList<FieldProblem>();
        var values = new LinkedHashMap<>(base);
        given.forEach((name, node) -> {
            Column column = table.column(name);
            if (column == null) {
                problems.add(new FieldProblem("cells." + name, "is not a column of " + table.name()
                        + ": expected one of " + table.columnNames()));
            } else if (node == null || node.isNull()) {
                values.remove(name);
            } else {
                try {
                    values.put(name, value(column, node));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("cells." + name, e.getMessage()));
                }
            }
        });
        if (!problems.isEmpty()) throw new InvalidFieldException(problems);
        var ordered = new LinkedHashMap<String, Object>();
        for (Column c : table.columns()) if (values.containsKey(c.name())) ordered.put(c.name(), values.get(c.name()));
        return ordered;
    }

    static Object value(Column column, JsonNode node) {
        return switch (column.columnType()) {
            case TEXT -> {
                if (!node.isString()) throw new IllegalArgumentException("must be a string (text column)");
                String s = node.asString();
                if (s.length() > MAX_TEXT) throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                yield s;
            }
            case SELECT -> {
                if (!node.isString() || !column.options().contains(node.asString())) {
                    throw new IllegalArgumentException("must be one of " + String.join(", ", column.options()));
                }
                yield node.asString();
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) throw new IllegalArgumentException("must be true or false (boolean column)");
                yield node.booleanValue();
            }
            case NUMBER -> {
                if (!node.isNumber()) throw new IllegalArgumentException("must be a number (number column)");
                yield number(node.decimalValue());
            }
            case DATETIME -> {
                if (!node.isString()) throw new IllegalArgumentException(DATETIME_HINT);
                yield instant(node.asString());
            }
        };
    }

    static final String DATETIME_HINT = "must be an ISO-8601 date and time with offset, e.g. 2024-05-01T10:15:30Z";

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(DATETIME_HINT);
        }
    }

    static BigDecimal number(BigDecimal n) {
        BigDecimal d = n.stripTrailingZeros();
        if (d.scale() > 6) throw new IllegalArgumentException("must have at most 6 decimal places");
        if (d.precision() - d.scale() > 32) throw new IllegalArgumentException("must be less than 10^32 in magnitude");
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** The typed cell rows for the filter/sort table. */
    record Typed(String column, String text, BigDecimal number, Instant time) {}

    static List<Typed> typed(Map<String, Object> values) {
        var out = new ArrayList<Typed>();
        values.forEach((name, v) -> out.add(switch (v) {
            case BigDecimal d -> new Typed(name, null, d, null);
            case Instant t -> new Typed(name, null, null, t);
            default -> new Typed(name, v.toString(), null, null);
        }));
        return out;
    }

    /** The JSON-friendly form: instants as ISO-8601 strings. */
    static Map<String, Object> forJson(Map<String, Object> values) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> out.put(k, v instanceof Instant t ? t.toString() : v));
        return out;
    }
}
